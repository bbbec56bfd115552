extension TemplateValueEncoder {
  /// The value `LayoutProgramRenderer` reads for `model`: what `mustacheValue(of:)` makes of it,
  /// typed (`null` members left out, a `null` element `false`).
  package func layoutValue<Model: Encodable>(of model: Model) -> LayoutValue {
    (try? LayoutValueEncoder.value(of: model)) ?? .object([:])
  }
}

extension TemplateNode {
  var layoutValue: LayoutValue {
    switch self {
    case .value(let value): return LayoutValue(value)
    case .box(let box): return box.layoutValue
    }
  }
}

extension TemplateValueBox {
  var layoutValue: LayoutValue {
    if let members {
      var object: [String: LayoutValue] = [:]
      object.reserveCapacity(members.count)
      for (key, member) in members where !member.isNull { object[key] = member.layoutValue }
      return .object(object)
    }
    if let elements { return .array(elements.map(\.layoutValue)) }
    return LayoutValue(single)
  }
}

import StructuredData

/// A page model's value as swift-mustache sees it (see `MustacheContext`), typed: what
/// `LayoutProgramRenderer` reads. A missing key is no value; `null` members are left out and a
/// `null` element reads as `false`, as in the context swift-mustache gets.
package enum LayoutValue: Sendable, Equatable {
  case string(String)
  case int(Int64)
  case double(Double)
  case bool(Bool)
  case array([LayoutValue])
  case object([String: LayoutValue])

  /// The value of `json`.
  package init(_ json: JSONValue) {
    switch json {
    case .null: self = .bool(false)
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .double(let number): self = .double(number)
    case .string(let text): self = .string(text)
    case .array(let elements): self = .array(elements.map(LayoutValue.init))
    case .object(let members):
      var object: [String: LayoutValue] = [:]
      object.reserveCapacity(members.count)
      for (key, member) in members where !member.isNull { object[key] = LayoutValue(member) }
      self = .object(object)
    }
  }
}

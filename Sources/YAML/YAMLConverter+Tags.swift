import StructuredData

/// Explicit tags: the core schema's `!!str !!int !!float !!bool !!null !!map !!seq` are honoured,
/// a value that does not fit its tag is an error, and any other tag is a warning (the value is
/// read as if untagged but a string), as Backstage's YAML library does.
extension YAMLConverter {
  func scalarValue(_ scalar: YAMLScalar, node: YAMLNode, problems: inout [YAMLProblem]) -> JSONValue {
    guard let tag = node.tag else {
      return scalar.style == .plain ? YAMLCoreSchema.resolvePlain(scalar.text) : .string(scalar.text)
    }
    let prefix = YAMLCoreSchema.tagPrefix
    switch tag {
    case "!", prefix + "str":
      // `!` is the non-specific tag of a quoted scalar: a string.
      return .string(scalar.text)
    case prefix + "null":
      if YAMLCoreSchema.isNull(scalar.text) { return .null }
    case prefix + "bool":
      if case .bool(let flag) = YAMLCoreSchema.resolvePlain(scalar.text) { return .bool(flag) }
    case prefix + "int":
      if let integer = YAMLCoreSchema.integer(scalar.text) { return integer }
    case prefix + "float":
      if let number = YAMLCoreSchema.float(scalar.text) { return .double(number) }
      if let integer = YAMLCoreSchema.integer(scalar.text)?.doubleValue { return .double(integer) }
    case prefix + "map", prefix + "seq":
      problems.append(
        YAMLProblem(
          code: .badTaggedValue, message: "a scalar cannot be tagged \(Self.shortTag(tag))", position: node.start))
      return .string(scalar.text)
    default:
      unknownTag(tag, node: node, problems: &problems)
      return .string(scalar.text)
    }
    problems.append(
      YAMLProblem(
        code: .badTaggedValue, message: "'\(scalar.text)' is not a valid \(Self.shortTag(tag))", position: node.start))
    return .string(scalar.text)
  }

  func checkCollectionTag(of node: YAMLNode, expected: String, problems: inout [YAMLProblem]) {
    guard let tag = node.tag, tag != "!", tag != YAMLCoreSchema.tagPrefix + expected else { return }
    let scalarTags = ["str", "int", "float", "bool", "null", "map", "seq"].map { YAMLCoreSchema.tagPrefix + $0 }
    if scalarTags.contains(tag) {
      problems.append(
        YAMLProblem(
          code: .badTaggedValue, message: "a \(node.kindName) cannot be tagged \(Self.shortTag(tag))",
          position: node.start))
    } else {
      unknownTag(tag, node: node, problems: &problems)
    }
  }

  private func unknownTag(_ tag: String, node: YAMLNode, problems: inout [YAMLProblem]) {
    let fallback = node.scalar == nil ? "an untagged \(node.kindName)" : "a string"
    problems.append(
      YAMLProblem(
        severity: .warning, code: .unknownTag, message: "unknown tag '\(Self.shortTag(tag))'; read as \(fallback)",
        position: node.start))
  }

  /// `tag:yaml.org,2002:str` → `!!str`.
  static func shortTag(_ tag: String) -> String {
    tag.hasPrefix(YAMLCoreSchema.tagPrefix) ? "!!" + tag.dropFirst(YAMLCoreSchema.tagPrefix.count) : tag
  }
}

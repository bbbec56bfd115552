import StructuredData
import WaymarkModel
import YAML

/// Reads typed fields from one mapping of a policy file, recording located diagnostics.
///
/// Every accessor reports a wrong type or a missing required value at the exact node; unknown
/// keys are reported once by `rejectUnknownKeys(allowing:)`.
package struct GuardrailFieldReader {
  package let node: YAMLNode
  package let path: ValuePath
  package let file: String
  package let lines: [Substring]

  package init(node: YAMLNode, path: ValuePath, file: String, lines: [Substring]) {
    self.node = node
    self.path = path
    self.file = file
    self.lines = lines
  }

  package func location(_ position: SourcePosition) -> SourceLocation {
    SourceLocation(path: file, position: position)
  }

  private func member(_ key: String) -> YAMLNode? {
    node.mapping?.first { $0.key.scalar?.text == key }?.value
  }

  private func missing(_ key: String, into diagnostics: inout [Diagnostic]) {
    diagnostics.append(
      .error(.policyMissingField, "\(path.appending(key)) must have a value", at: location(node.start)))
  }

  private func wrongType(_ key: String, _ expected: String, _ found: YAMLNode, into diagnostics: inout [Diagnostic]) {
    let kind = found.scalar != nil ? "a scalar" : found.sequence != nil ? "a list" : "a mapping"
    diagnostics.append(
      .error(.policyWrongType, "\(path.appending(key)) must be \(expected), found \(kind)", at: location(found.start)))
  }

  package func string(_ key: String, required: Bool = false, into diagnostics: inout [Diagnostic]) -> String? {
    guard let value = member(key), !(value.scalar?.style == .plain && value.scalar?.text.isEmpty == true) else {
      if required { missing(key, into: &diagnostics) }
      return nil
    }
    guard let scalar = value.scalar else {
      wrongType(key, "a string", value, into: &diagnostics)
      return nil
    }
    return scalar.text
  }

  package func number(_ key: String, into diagnostics: inout [Diagnostic]) -> Double? {
    guard let value = member(key) else { return nil }
    guard let scalar = value.scalar, scalar.style == .plain,
      let number = YAMLCoreSchema.resolvePlain(scalar.text).doubleValue
    else {
      wrongType(key, "a number", value, into: &diagnostics)
      return nil
    }
    return number
  }

  package func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
    guard let value = member(key) else { return nil }
    guard let scalar = value.scalar, scalar.style == .plain,
      let flag = YAMLCoreSchema.resolvePlain(scalar.text).boolValue
    else {
      wrongType(key, "true or false", value, into: &diagnostics)
      return nil
    }
    return flag
  }

  package func strings(_ key: String, into diagnostics: inout [Diagnostic]) -> [(String, SourcePosition)] {
    guard let value = member(key) else { return [] }
    guard let elements = value.sequence else {
      wrongType(key, "a list of strings", value, into: &diagnostics)
      return []
    }
    return elements.enumerated().compactMap { index, element in
      guard let text = element.scalar?.text else {
        wrongType("\(key)[\(index)]", "a string", element, into: &diagnostics)
        return nil
      }
      return (text, element.start)
    }
  }

  package func mapping(_ key: String, into diagnostics: inout [Diagnostic]) -> GuardrailFieldReader? {
    guard let value = member(key) else { return nil }
    guard value.mapping != nil else {
      wrongType(key, "a mapping", value, into: &diagnostics)
      return nil
    }
    return GuardrailFieldReader(node: value, path: path.appending(key), file: file, lines: lines)
  }

  package func mappings(_ key: String, into diagnostics: inout [Diagnostic]) -> [GuardrailFieldReader] {
    guard let value = member(key) else { return [] }
    guard let elements = value.sequence else {
      wrongType(key, "a list", value, into: &diagnostics)
      return []
    }
    return elements.enumerated().compactMap { index, element in
      guard element.mapping != nil else {
        wrongType("\(key)[\(index)]", "a mapping", element, into: &diagnostics)
        return nil
      }
      return GuardrailFieldReader(
        node: element, path: path.appending(key).appending(index: index), file: file, lines: lines)
    }
  }

  /// A CEL expression field, located where its text starts so compile errors point into the YAML.
  package func expression(_ key: String, required: Bool = false, into diagnostics: inout [Diagnostic])
    -> PolicyExpression?
  {
    guard let text = string(key, required: required, into: &diagnostics), let value = member(key),
      let scalar = value.scalar
    else { return nil }
    switch scalar.style {
    case .plain:
      return PolicyExpression(source: text, location: location(value.start), isSingleLine: !text.contains("\n"))
    case .singleQuoted, .doubleQuoted:
      let start = SourcePosition(line: value.start.line, column: value.start.column + 1)
      return PolicyExpression(
        source: text, location: location(start),
        isSingleLine: !text.contains("\n") && value.start.line == value.end.line)
    case .literal, .folded:
      let line = value.start.line + 1
      let indentation = line - 1 < lines.count ? lines[line - 1].prefix { $0 == " " }.count : 0
      return PolicyExpression(
        source: text, location: location(SourcePosition(line: line, column: indentation + 1)),
        isSingleLine: scalar.style == .folded)
    }
  }

  package func rejectUnknownKeys(allowing allowed: Set<String>, into diagnostics: inout [Diagnostic]) {
    for pair in node.mapping ?? [] {
      guard let key = pair.key.scalar?.text, !allowed.contains(key) else { continue }
      var message = "unknown key '\(path.appending(key))'"
      if let suggestion = NameSuggester.closest(to: key, among: allowed.sorted()) {
        message += "; did you mean '\(suggestion)'?"
      }
      diagnostics.append(.error(.policyUnknownKey, message, at: location(pair.key.start)))
    }
  }
}

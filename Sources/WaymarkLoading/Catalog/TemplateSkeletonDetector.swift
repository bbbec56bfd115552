import StructuredData
import WaymarkModel
import YAML

/// Recognises a scaffolder skeleton: a catalog-info.yaml a Software Template renders, full of
/// `${{ values.name | dump }}` placeholders and Nunjucks `{%- if values.x %}` blocks. It is not an
/// entity until rendered, so it is reported once (`catalog.template-file`) instead of as YAML
/// syntax errors or invalid names.
///
/// A Template entity holds `${{ parameters.x }}` in its steps legitimately: a file is a skeleton
/// only when it holds placeholders and either does not parse, or has one in a document that is
/// not a Template.
package enum TemplateSkeletonDetector {
  /// Whether `bytes` holds a `${{` placeholder or a `{%` Nunjucks tag anywhere (the cheap test).
  package static func holdsPlaceholders(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2 else { return false }
    for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "{") {
      let next = bytes[index + 1]
      if next == UInt8(ascii: "%") { return true }
      if next == UInt8(ascii: "{"), index > 0, bytes[index - 1] == UInt8(ascii: "$") { return true }
    }
    return false
  }

  /// The diagnostic for a skeleton file, or nil when `stream` (of a file holding placeholders)
  /// is an ordinary catalog file.
  package static func skeletonDiagnostic(
    path: String, stream: YAMLStream, values: [JSONValue]
  ) -> Diagnostic? {
    let parses = !stream.hasErrors
    let placeholderDocument = values.first { value in
      value["kind"]?.stringValue?.lowercased() != "template" && holdsPlaceholder(value)
    }
    guard !parses || placeholderDocument != nil else { return nil }
    return Diagnostic(
      .note, code: .catalogTemplateFile,
      message: "this file holds scaffolder template placeholders ('${{ … }}', '{% … %}'): it is a template's "
        + "content, not a catalog entity, and is not read; add its folder to inputs.exclude",
      location: SourceLocation(path: path, line: 1, column: 1))
  }

  private static func holdsPlaceholder(_ value: JSONValue) -> Bool {
    switch value {
    case .string(let text): return text.contains("${{") || text.contains("{%")
    case .array(let elements): return elements.contains(where: holdsPlaceholder)
    case .object(let members): return members.contains { holdsPlaceholder($0.key) || holdsPlaceholder($0.value) }
    default: return false
    }
  }

  private static func holdsPlaceholder(_ key: String) -> Bool { key.contains("${{") || key.contains("{%") }
}

import StructuredData
import WaymarkModel

/// Collects one entity's validation problems, each located at its field and naming the entity.
///
/// Messages name the field path first (`metadata.tags[0]`) and show the offending value, so a
/// diagnostic reads on its own: `spec.owner must be a string, found integer 7`.
package struct EntityProblemReporter {
  /// Where the entity was read.
  package let source: EntitySource
  /// The entity's reference, once known, for the "in entity" note.
  package var ref: EntityRef?
  /// The 0-based index of the document in its file, named when the reference is not known.
  package let documentIndex: Int
  /// The problems found so far.
  package private(set) var diagnostics: [Diagnostic] = []
  /// The fields reported empty (`catalog.empty-value`), so a later step does not report them again.
  package private(set) var emptyFields: Set<ValuePath> = []

  package init(source: EntitySource, documentIndex: Int, ref: EntityRef? = nil) {
    self.source = source
    self.documentIndex = documentIndex
    self.ref = ref
  }

  /// Whether any error was reported.
  package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  package mutating func error(
    _ code: DiagnosticCode, _ message: String, at field: ValuePath, keyPosition: Bool = false
  ) {
    let position = keyPosition ? source.sourceMap.keyPosition(of: field) ?? source.sourceMap.position(of: field) : nil
    let location = position.map { SourceLocation(path: source.path, position: $0) } ?? source.location(of: field)
    diagnostics.append(.error(code, message, at: location, notes: [note]))
  }

  private var note: DiagnosticNote {
    if let ref { return DiagnosticNote("in entity '\(ref)'") }
    return DiagnosticNote("in document \(documentIndex + 1) of \(source.path)")
  }

  /// A required field is absent.
  package mutating func missing(_ field: ValuePath) {
    error(.catalogMissingField, "\(field) must have a value", at: field)
  }

  /// A field holds the wrong type of value.
  package mutating func wrongType(_ field: ValuePath, expected: String, found value: JSONValue) {
    error(.catalogWrongType, "\(field) must be \(expected), found \(Self.describe(value))", at: field)
  }

  /// A string field that must not be empty is.
  package mutating func empty(_ field: ValuePath) {
    emptyFields.insert(field)
    error(.catalogEmptyValue, "\(field) must not be empty, found \"\"", at: field)
  }

  /// A value breaks Backstage's field-format rule; the wording follows `FieldFormatEntityPolicy`.
  package mutating func badFormat(_ field: ValuePath, _ value: JSONValue, expected expectation: String) {
    error(.catalogBadFormat, "\(field) \(Self.describe(value)) is not valid; expected \(expectation)", at: field)
  }

  /// A value is not one of the allowed ones.
  package mutating func notAllowed(_ field: ValuePath, _ value: JSONValue, allowed: [String]) {
    let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
    error(.catalogInvalidValue, "\(field) must be one of \(list), found \(Self.describe(value))", at: field)
  }

  /// A value for messages: strings quoted as JSON, scalars with their type, containers by type.
  package static func describe(_ value: JSONValue) -> String {
    switch value {
    case .string:
      return JSONWriter(pretty: false).string(for: value)
    case .array, .object, .null:
      return value.typeName
    default:
      return "\(value.typeName) \(JSONWriter(pretty: false).string(for: value))"
    }
  }
}

import StructuredData

/// Checks the envelope every entity needs (`apiVersion`, `kind`, `metadata.name`) and makes its reference.
///
/// The catalog's full field and per-kind validation builds on this; the envelope comes first, as
/// in Backstage's processing order.
public struct EntityEnvelopeValidator: Sendable {
  /// Creates a validator.
  public init() {}

  /// The entity's reference, or nil (with diagnostics) when the envelope is broken.
  public func validate(_ document: JSONValue, source: EntitySource, into diagnostics: inout [Diagnostic]) -> EntityRef? {
    var valid = true
    func require(_ path: [String], _ what: String) -> String? {
      let field = ValuePath(path.map(ValuePath.Component.key))
      guard let value = document.value(at: path) else {
        diagnostics.append(.error("catalog.missing-field", "\(field) must have a value", at: source.location(of: field)))
        valid = false
        return nil
      }
      guard let text = value.stringValue, !text.isEmpty else {
        diagnostics.append(
          .error("catalog.wrong-type", "\(field) must be \(what), found \(value.typeName)", at: source.location(of: field)))
        valid = false
        return nil
      }
      return text
    }
    let apiVersion = require(["apiVersion"], "a non-empty string")
    let kind = require(["kind"], "a non-empty string")
    if let metadata = document["metadata"], metadata.objectValue == nil {
      diagnostics.append(
        .error("catalog.wrong-type", "metadata must be a mapping, found \(metadata.typeName)", at: source.location(of: ValuePath(keys: "metadata"))))
      return nil
    }
    let name = require(["metadata", "name"], "a non-empty string")
    var namespace = "default"
    if let written = document.value(at: ["metadata", "namespace"]) {
      if let text = written.stringValue, !text.isEmpty {
        namespace = text
      } else {
        let field = ValuePath(keys: "metadata", "namespace")
        diagnostics.append(
          .error("catalog.wrong-type", "\(field) must be a non-empty string, found \(written.typeName)", at: source.location(of: field)))
        valid = false
      }
    }
    guard valid, apiVersion != nil, let kind, let name else { return nil }
    return EntityRef(kind: kind, namespace: namespace, name: name)
  }
}

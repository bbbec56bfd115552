import StructuredData
import WaymarkModel

/// Checks the envelope every entity needs (`apiVersion`, `kind`, `metadata.name`) and makes its reference.
///
/// The first step of Backstage's order (`validateEntityEnvelope`): loose on purpose, so later
/// steps can report everything else about an entity whose reference is known.
package struct EntityEnvelopeValidator {
  /// The entity's reference, or nil (with diagnostics) when the envelope is broken.
  package func validate(_ document: JSONValue, into reporter: inout EntityProblemReporter) -> EntityRef? {
    var valid = true
    func require(_ path: [String]) -> String? {
      let field = ValuePath(path.map(ValuePath.Component.key))
      guard let value = document.value(at: path) else {
        reporter.missing(field)
        valid = false
        return nil
      }
      guard let text = value.stringValue else {
        reporter.wrongType(field, expected: "a non-empty string", found: value)
        valid = false
        return nil
      }
      guard !text.isEmpty else {
        reporter.empty(field)
        valid = false
        return nil
      }
      return text
    }
    let apiVersion = require(["apiVersion"])
    let kind = require(["kind"])
    guard let metadata = document["metadata"] else {
      reporter.missing(ValuePath(keys: "metadata"))
      return nil
    }
    guard metadata.objectValue != nil else {
      reporter.wrongType(ValuePath(keys: "metadata"), expected: "an object", found: metadata)
      return nil
    }
    let name = require(["metadata", "name"])
    var namespace = "default"
    if let written = document.value(at: ["metadata", "namespace"]) {
      if let text = written.stringValue, !text.isEmpty {
        namespace = text
      } else if written.stringValue == nil {
        reporter.wrongType(ValuePath(keys: "metadata", "namespace"), expected: "a non-empty string", found: written)
        valid = false
      } else {
        reporter.empty(ValuePath(keys: "metadata", "namespace"))
        valid = false
      }
    }
    guard valid, apiVersion != nil, let kind, let name else { return nil }
    return EntityRef(kind: kind, namespace: namespace, name: name)
  }
}

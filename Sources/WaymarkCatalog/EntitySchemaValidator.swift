import StructuredData
import WaymarkModel

/// Backstage's `SchemaValidEntityPolicy` (Entity and EntityMeta schemas) and
/// `NoForeignRootFieldsEntityPolicy`, as two steps of the validation order.
package struct EntitySchemaValidator {
  /// The root fields `NoForeignRootFieldsEntityPolicy` knows.
  package static let rootFields = ["apiVersion", "kind", "metadata", "spec"]

  /// Types and non-empty strings of `metadata` and `spec` (the envelope's fields are checked before).
  package func validateSchema(_ document: [String: JSONValue], into reporter: inout EntityProblemReporter) {
    if let spec = document["spec"], spec.objectValue == nil {
      reporter.wrongType(ValuePath(keys: "spec"), expected: "an object", found: spec)
    }
    guard let metadata = document["metadata"]?.objectValue else { return }
    let base = ValuePath(keys: "metadata")
    for key in ["uid", "etag", "namespace", "title"] {
      if let value = metadata[key] { checkNonEmptyString(value, at: base.appending(key), into: &reporter) }
    }
    if let description = metadata["description"], description.stringValue == nil {
      reporter.wrongType(base.appending("description"), expected: "a string", found: description)
    }
    for key in ["labels", "annotations"] {
      guard let value = metadata[key] else { continue }
      guard let members = value.objectValue else {
        reporter.wrongType(base.appending(key), expected: "an object of strings", found: value)
        continue
      }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) where member.stringValue == nil {
        reporter.wrongType(base.appending(key).appending(name), expected: "a string", found: member)
      }
    }
    if let tags = metadata["tags"] {
      checkList(tags, at: base.appending("tags"), into: &reporter) { tag, path, reporter in
        checkNonEmptyString(tag, at: path, into: &reporter)
      }
    }
    if let links = metadata["links"] {
      checkList(links, at: base.appending("links"), into: &reporter) { link, path, reporter in
        guard let members = link.objectValue else {
          reporter.wrongType(path, expected: "an object with a 'url'", found: link)
          return
        }
        if members["url"] == nil { reporter.missing(path.appending("url")) }
        for key in ["url", "title", "icon", "type"] {
          if let value = members[key] { checkNonEmptyString(value, at: path.appending(key), into: &reporter) }
        }
      }
    }
  }

  /// Any root field beyond `apiVersion`, `kind`, `metadata` and `spec` is an error.
  package func validateRootFields(_ document: [String: JSONValue], into reporter: inout EntityProblemReporter) {
    for key in document.keys.sorted() where !Self.rootFields.contains(key) {
      var message =
        "unknown root field '\(key)': additional properties are not allowed; an entity has only apiVersion, kind, metadata and spec"
      if let suggestion = NameSuggester.closest(to: key, among: Self.rootFields) {
        message += "; did you mean '\(suggestion)'?"
      }
      reporter.error(.catalogUnknownRootField, message, at: ValuePath(keys: key), keyPosition: true)
    }
  }

  package func checkNonEmptyString(_ value: JSONValue, at path: ValuePath, into reporter: inout EntityProblemReporter) {
    guard let text = value.stringValue else {
      reporter.wrongType(path, expected: "a string", found: value)
      return
    }
    if text.isEmpty { reporter.empty(path) }
  }

  package func checkList(
    _ value: JSONValue, at path: ValuePath, into reporter: inout EntityProblemReporter,
    element check: (JSONValue, ValuePath, inout EntityProblemReporter) -> Void
  ) {
    guard let elements = value.arrayValue else {
      reporter.wrongType(path, expected: "a list", found: value)
      return
    }
    for (index, element) in elements.enumerated() {
      check(element, path.appending(index: index), &reporter)
    }
  }
}

import StructuredData

/// Backstage's `FieldFormatEntityPolicy` with the default validators of `makeValidator`.
///
/// Only strings are checked here: a value of the wrong type was already reported by the schema
/// step, and reporting it twice would bury the real problem.
package struct EntityFieldValidator {
  // The expectations, word for word from FieldFormatEntityPolicy.
  package static let nameExpectation =
    "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total"
  package static let namespaceExpectation =
    "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total"
  package static let tagExpectation =
    "a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total"
  package static let kindExpectation =
    "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total"
  package static let apiVersionExpectation = "a valid prefix and/or suffix"
  package static let keyExpectation = "a valid prefix and/or suffix"
  package static let urlExpectation = "a string that is a valid url"
  package static let titleExpectation = "a non empty string"

  package static let mapRules: [(String, @Sendable (JSONValue) -> Bool, String)] = [
    ("labels", EntityFieldFormat.isValidLabelValue, nameExpectation),
    ("annotations", EntityFieldFormat.isValidAnnotationValue, "a string"),
  ]

  package func validate(_ document: [String: JSONValue], into reporter: inout EntityProblemReporter) {
    check(
      document["apiVersion"], ValuePath(keys: "apiVersion"), EntityFieldFormat.isValidAPIVersion,
      Self.apiVersionExpectation, &reporter)
    check(document["kind"], ValuePath(keys: "kind"), EntityFieldFormat.isValidKind, Self.kindExpectation, &reporter)
    guard let metadata = document["metadata"]?.objectValue else { return }
    let base = ValuePath(keys: "metadata")
    check(
      metadata["name"], base.appending("name"), EntityFieldFormat.isValidObjectName, Self.nameExpectation, &reporter)
    check(
      metadata["namespace"], base.appending("namespace"), EntityFieldFormat.isValidNamespace, Self.namespaceExpectation,
      &reporter)
    for (field, valueRule, valueExpectation) in Self.mapRules {
      for (key, value) in (metadata[field]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
        var path: ValuePath { base.appending(field).appending(key) }
        if !EntityFieldFormat.isValidLabelKey(.string(key)) {
          reporter.error(
            .catalogBadFormat, "\(path) key \"\(key)\" is not valid; expected \(Self.keyExpectation)", at: path,
            keyPosition: true)
        }
        check(value, path, valueRule, valueExpectation, &reporter)
      }
    }
    for (index, tag) in (metadata["tags"]?.arrayValue ?? []).enumerated() {
      check(
        tag, base.appending("tags").appending(index: index), { EntityFieldFormat.isValidTag($0) }, Self.tagExpectation,
        &reporter)
    }
    for (index, link) in (metadata["links"]?.arrayValue ?? []).enumerated() {
      var path: ValuePath { base.appending("links").appending(index: index) }
      check(link["url"], path.appending("url"), EntityFieldFormat.isValidURL, Self.urlExpectation, &reporter)
      check(
        link["title"], path.appending("title"), EntityFieldFormat.isNonEmptyString, Self.titleExpectation, &reporter)
      check(link["icon"], path.appending("icon"), EntityFieldFormat.isValidObjectName, Self.nameExpectation, &reporter)
    }
  }

  /// The path is an autoclosure: it is only built for a problem, and this runs for every field.
  private func check(
    _ value: JSONValue?, _ path: @autoclosure () -> ValuePath, _ rule: (JSONValue) -> Bool, _ expectation: String,
    _ reporter: inout EntityProblemReporter
  ) {
    guard let value, let text = value.stringValue, !rule(value) else { return }
    let path = path()
    // An empty string was already reported by the schema step where the schema requires one.
    if text.isEmpty, reporter.emptyFields.contains(path) { return }
    reporter.badFormat(path, value, expected: expectation)
  }
}

import StructuredData
import WaymarkLoading

/// The `spec` schema of one built-in kind, transcribed from Backstage's JSON Schemas
/// (`packages/catalog-model/src/schema/kinds/*.schema.json`, the scaffolder's Template schema).
///
/// A focused subset of JSON Schema: the kinds only use types, required members, non-empty
/// strings, enumerations, lists with a minimum length and nested objects. `spec` allows extra
/// members in every kind, as Backstage's schemas do.
public struct EntityKindSchema: Sendable {
  /// A rule for one value.
  public indirect enum Rule: Sendable {
    /// A string, at least `minLength` characters long.
    case string(minLength: Int)
    /// One of the listed strings.
    case oneOf([String])
    /// A string or a boolean (a Template step's `if`).
    case stringOrBoolean
    /// An object with these members (extra members allowed).
    case object(members: [(String, Rule)], required: [String])
    /// A list whose elements follow a rule.
    case list(Rule, minItems: Int)
    /// Either of two rules (a Template's `parameters`: an object or a list of objects).
    case either(Rule, Rule)
  }

  /// The kind, as written in `kind` (`Component`).
  public let kind: String
  /// The accepted `apiVersion`s.
  public let apiVersions: [String]
  /// The variant, when `spec.type` selects a stricter schema (`mcp-server`, `skill`).
  public let variant: String?
  /// The rule for `spec`.
  public let spec: Rule

  /// Non-empty string.
  package static let text = Rule.string(minLength: 1)
  /// List of non-empty strings.
  package static let texts = Rule.list(.string(minLength: 1), minItems: 0)

  /// Whether `apiVersion`'s group is reserved for Backstage's own kinds.
  public static func isReservedGroup(_ apiVersion: String) -> Bool {
    apiVersion.hasPrefix("backstage.io/") || apiVersion.hasPrefix("scaffolder.backstage.io/")
  }

  /// What an entity's `apiVersion` and `kind` make of it.
  public enum Lookup: Sendable {
    /// A built-in kind, with its schema.
    case builtin(EntityKindSchema)
    /// A kind from another `apiVersion`: kept and shown, its `spec` not checked.
    case custom
    /// A reserved `apiVersion` with a kind or version Backstage does not have.
    case unknown(message: String, field: String)
  }

  /// The schema for `apiVersion`, `kind` and `spec.type`.
  public static func lookup(apiVersion: String, kind: String, specType: String?) -> Lookup {
    guard isReservedGroup(apiVersion) else { return .custom }
    let sameKind = builtin.filter { $0.kind == kind }
    guard !sameKind.isEmpty else {
      let kinds = Array(Set(builtin.filter { $0.apiVersions.contains(apiVersion) }.map(\.kind))).sorted()
      var message = "kind '\(kind)' is not a Backstage kind"
      if let match = Set(builtin.map(\.kind)).first(where: { $0.lowercased() == kind.lowercased() }) {
        message += "; did you mean '\(match)'? (kinds are case-sensitive)"
      } else if kinds.isEmpty {
        message += " of '\(apiVersion)'"
      } else {
        message += " of '\(apiVersion)' (known: \(kinds.joined(separator: ", ")))"
      }
      return .unknown(message: message, field: "kind")
    }
    let versions = sameKind.filter { $0.apiVersions.contains(apiVersion) }
    guard !versions.isEmpty else {
      let accepted = (sameKind.first?.apiVersions ?? []).map { "'\($0)'" }.joined(separator: " or ")
      return .unknown(
        message: "apiVersion '\(apiVersion)' is not a version of kind '\(kind)'; use \(accepted)", field: "apiVersion")
    }
    let variant = versions.first { $0.variant != nil && $0.variant == specType } ?? versions.first { $0.variant == nil }
    guard let variant else { return .custom }
    return .builtin(variant)
  }

  /// Checks `spec` (already known to be an object, when present) against this schema.
  package func validate(spec value: JSONValue?, into reporter: inout EntityProblemReporter) {
    let path = ValuePath(keys: "spec")
    guard let value else {
      reporter.missing(path)
      return
    }
    check(value, against: spec, at: path, into: &reporter)
  }

  private func check(
    _ value: JSONValue, against rule: Rule, at path: ValuePath, into reporter: inout EntityProblemReporter
  ) {
    switch rule {
    case .string(let minLength):
      // A `$text` URL the static build did not fetch was reported when loading; it stands in for its string.
      if SubstitutionResolver.isPlaceholder(value) { return }
      guard let text = value.stringValue else {
        reporter.wrongType(path, expected: minLength > 0 ? "a non-empty string" : "a string", found: value)
        return
      }
      if text.count < minLength { reporter.empty(path) }
    case .oneOf(let allowed):
      guard let text = value.stringValue, allowed.contains(text) else {
        reporter.notAllowed(path, value, allowed: allowed)
        return
      }
    case .stringOrBoolean:
      if value.stringValue == nil, value.boolValue == nil {
        reporter.wrongType(path, expected: "a string or a boolean", found: value)
      }
    case .object(let members, let required):
      guard let object = value.objectValue else {
        reporter.wrongType(path, expected: "an object", found: value)
        return
      }
      for key in required where object[key] == nil {
        reporter.missing(path.appending(key))
      }
      for (key, memberRule) in members {
        guard let member = object[key] else { continue }
        check(member, against: memberRule, at: path.appending(key), into: &reporter)
      }
    case .list(let element, let minItems):
      guard let elements = value.arrayValue else {
        reporter.wrongType(path, expected: "a list", found: value)
        return
      }
      if elements.count < minItems {
        reporter.error(
          .catalogInvalidValue, "\(path) must have at least \(minItems) item\(minItems == 1 ? "" : "s")", at: path)
      }
      for (index, item) in elements.enumerated() {
        check(item, against: element, at: path.appending(index: index), into: &reporter)
      }
    case .either(let first, let second):
      var trial = EntityProblemReporter(
        source: reporter.source, documentIndex: reporter.documentIndex, ref: reporter.ref)
      check(value, against: first, at: path, into: &trial)
      if !trial.hasErrors { return }
      check(value, against: second, at: path, into: &reporter)
    }
  }
}

import StructuredData

/// The variable bindings of an evaluation, prepared once and reusable across programs.
///
/// A scorecard that runs many checks against one entity builds one activation per entity and
/// passes it to each program, so the bindings are inspected once rather than per check.
public struct CELActivation: Sendable {
  /// The bound values, by variable name (names may be qualified: `a.b.c`).
  public let values: [String: CELValue]
  /// Whether any name is qualified; only then are dotted candidates of a name looked up.
  let hasQualifiedNames: Bool

  /// Prepares `values` for evaluation.
  public init(_ values: [String: CELValue]) {
    self.values = values
    self.hasQualifiedNames = values.keys.contains { $0.utf8.contains(UInt8(ascii: ".")) }
    self.names = Array(values.keys)
    self.orderedValues = Array(values.values)
  }

  /// Converts JSON-like bindings once, for a scorecard that runs many checks on one entity.
  public init(json: [String: JSONValue]) {
    self.init(json.mapValues(CELValue.init))
  }

  /// Names and values side by side, scanned instead of hashed when there are few bindings.
  private let names: [String]
  private let orderedValues: [CELValue]

  /// The value bound to `name`, if any.
  func value(_ name: String, isQualified: Bool = false) -> CELValue? {
    if isQualified && !hasQualifiedNames { return nil }
    guard names.count <= 8 else { return values[name] }
    let length = name.utf8.count
    for (position, candidate) in names.enumerated()
    where candidate.utf8.count == length && CELValue.stringsEqual(candidate, name) {
      return orderedValues[position]
    }
    return nil
  }
}

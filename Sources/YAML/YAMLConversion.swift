import StructuredData

/// The result of converting a node tree: value, source map and problems.
public struct YAMLConversion: Sendable {
  /// The converted value.
  public var value: JSONValue
  /// Where each value and key came from.
  public var sourceMap: YAMLSourceMap
  /// Problems found while converting.
  public var problems: [YAMLProblem]

  /// Whether any problem is an error (unknown tags are only warnings).
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

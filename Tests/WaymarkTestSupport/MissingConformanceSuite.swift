/// A vendored conformance suite that is not where the tests expect it.
public struct MissingConformanceSuite: Error, CustomStringConvertible {
  /// The folder that was looked for.
  public let path: String

  public var description: String { "the conformance suite \(path) is missing; it is part of the repository" }
}

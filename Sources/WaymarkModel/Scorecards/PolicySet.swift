import StructuredData

/// Everything in the policies folder: scorecards, waivers and scorecard tests.
public struct PolicySet: Sendable, Hashable {
  /// Scorecards, sorted by name.
  public var scorecards: [Scorecard]
  /// Waivers, sorted by name.
  public var waivers: [Waiver]
  /// Scorecard tests, sorted by name.
  public var tests: [ScorecardTest]

  /// Creates a policy set.
  public init(scorecards: [Scorecard] = [], waivers: [Waiver] = [], tests: [ScorecardTest] = []) {
    self.scorecards = scorecards.sorted { $0.name < $1.name }
    self.waivers = waivers.sorted { $0.name < $1.name }
    self.tests = tests.sorted { $0.name < $1.name }
  }
}

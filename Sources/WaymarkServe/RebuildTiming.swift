/// How long one build took from the change to the published site, for the terminal and `make bench`.
public struct RebuildTiming: Sendable, Equatable {
  /// From the first change seen to the build's start: the wait for the burst of saves to settle.
  public var settleMilliseconds: Double
  /// The build itself.
  public var buildMilliseconds: Double
  /// Each build stage's wall time, in order (`load`, `model`, …, `publish`).
  public var stages: [Stage]
  /// The changed files that started it, root-relative (empty for the first build).
  public var changed: [String]

  /// One stage's wall time.
  public struct Stage: Sendable, Equatable {
    /// The stage's name.
    public var name: String
    /// Its wall time.
    public var milliseconds: Double
  }

  /// Creates a timing.
  public init(settleMilliseconds: Double, buildMilliseconds: Double, stages: [Stage], changed: [String]) {
    self.settleMilliseconds = settleMilliseconds
    self.buildMilliseconds = buildMilliseconds
    self.stages = stages
    self.changed = changed
  }
}

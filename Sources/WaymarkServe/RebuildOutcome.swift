import WaymarkKit

/// One build of the watch loop: what it produced (or why it could not run) and how long it took.
public struct RebuildOutcome: Sendable {
  /// The build's result; nil when it could not run.
  public var result: BuildResult?
  /// Why it could not run (an environment or usage failure).
  public var failure: BuildFailure?
  /// How long it took, from the first change seen.
  public var timing: RebuildTiming

  /// Creates an outcome.
  public init(result: BuildResult?, failure: BuildFailure?, timing: RebuildTiming) {
    self.result = result
    self.failure = failure
    self.timing = timing
  }

  /// Whether it published (the output or the preview folder now holds this build).
  public var published: Bool { result?.published ?? false }
}

import WaymarkModel

/// What the preview shows besides the site: which build it is, and why the latest one failed.
public struct PreviewStatus: Sendable, Equatable {
  /// Changes with every finished build; open pages reload when it differs from theirs.
  public var generation: String
  /// Whether a build has finished since the server started.
  public var built = false
  /// The latest build's errors, sorted (empty when it published).
  public var errors: [Diagnostic] = []
  /// Why the latest build could not run at all (an environment failure), if it could not.
  public var failure: String?
  /// How many warnings the latest build had.
  public var warningCount = 0
  /// How long the latest rebuild took, stage by stage.
  public var timing: RebuildTiming?
  /// How many builds have finished since the server started.
  public var builds = 0
  /// The edited pages the latest edit showed before its build, if it showed any.
  public var early: EarlyPages?

  /// Creates the status before the first build.
  public init(generation: String) {
    self.generation = generation
  }

  /// Whether the latest build failed, so the last good site is shown with its diagnostics.
  public var hasErrors: Bool { !errors.isEmpty || failure != nil }
}

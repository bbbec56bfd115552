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

  /// The edited pages shown before this build, if any were.
  public var early: EarlyPages?
  /// The pages shown for later edits while this build ran, put back over what it published.
  public var laterPages: EarlyPages?

  /// Whether it published (the output or the preview folder now holds this build).
  public var published: Bool { result?.published ?? false }

  /// Whether open pages must reload to show this build: not when every file it changed is a
  /// page `early` already showed, as shown, a page shown for a later edit (`laterPages`), or data pages fetch afresh when they need it (the
  /// JSON API under `api/` and the search indexes under `search/`). A changed stylesheet,
  /// script, image or other page reloads them; so does every build when the changes are unknown
  /// (no build cache).
  public var reloadsOpenPages: Bool {
    guard published, let changed = result?.changedFiles else { return true }
    for (path, digest) in changed {
      if path.hasPrefix("api/") || path.hasPrefix("search/"), !path.hasSuffix(".html") { continue }
      // What is served of a page shown for a later edit is that page, as the open pages show it.
      if laterPages?.files[path] != nil { continue }
      guard let digest, early?.files[path] == digest else { return true }
    }
    return false
  }
}

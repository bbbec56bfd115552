import Foundation
import WaymarkModel

/// What a build is asked to do: where to read, where to write, and the build's `now`.
public struct BuildOptions: Sendable {
  /// The site root.
  public var root: URL
  /// The output folder; nil means the config's `output` under the root.
  public var output: URL?
  /// Overrides the config's `site.baseURL`.
  public var baseURL: String?
  /// Where `waymark serve` publishes its private copy of the site; the output folder is then
  /// checked and left out of the walk as usual, and never written.
  public var previewOutput: URL?
  /// Overrides the config's `asOf` and the inputs' newest timestamp.
  public var asOf: Timestamp?
  /// Whether to publish the site (`build`) or only validate and evaluate (`check`, which also enforces scorecard gates).
  public var writesOutput: Bool
  /// A previous build's output folder: scorecard changes, history and gates are computed against it.
  public var baseline: URL?
  /// Whether unknown event types and malformed event records are errors (`--strict`).
  public var strict = false
  /// Whether the result holds every rendered file (`BuildResult.files`), for callers that read
  /// them; the commands turn it off, so a build holds only the pages it is rendering.
  public var keepsFiles = true
  /// Whether to publish even with errors (`waymark-bench site`, which weighs the pages of a
  /// corpus with deliberate errors); builds never do.
  package var publishesWithErrors = false
  /// Whether pages with the built-in theme's layouts render through its compiled layouts; off,
  /// every page renders through swift-mustache (the equivalence tests compare both).
  package var compilesBuiltInLayouts = true
  /// Whether a build that publishes keeps what it made for `DocsPagePreview` (`waymark serve`).
  package var keepsDocsPreview = false
  /// Whether a build whose inputs are all as the last published build read them, and whose
  /// output still holds exactly that build's files, keeps the output and reports that build's
  /// diagnostics instead of building again (`waymark build`; see `SiteBuilder.unchangedBuild`).
  /// Such a result holds no scorecard outcome. Only with a build cache and without `keepsFiles`.
  public var skipsUnchangedBuild = false
  /// Where the build cache is kept; `.none` (the default) builds everything afresh. Only builds
  /// that publish use one (`waymark build` keeps it beside the output).
  public var cache: BuildCacheLocation = .none
  /// Receives progress events (stage names, counts, elapsed time) for the terminal.
  public var progress: @Sendable (BuildProgress) -> Void

  /// Creates options.
  public init(
    root: URL, output: URL? = nil, baseURL: String? = nil, asOf: Timestamp? = nil, writesOutput: Bool = true,
    baseline: URL? = nil, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }
  ) {
    self.root = root
    self.output = output
    self.baseURL = baseURL
    self.asOf = asOf
    self.writesOutput = writesOutput
    self.baseline = baseline
    self.progress = progress
  }
}

/// A progress event: a stage finished, with what it counted.
public struct BuildProgress: Sendable, Hashable {
  /// The stage: `load`, `model`, `render`, `publish`.
  public var stage: String
  /// What it did, e.g. `42 entities from 12 files`.
  public var summary: String
  /// The stage's wall time in milliseconds (also at the end of `summary`).
  public var milliseconds: Double = 0
}

/// A build that could not run for reasons outside the content (exit code 3).
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var description: String
  /// Whether a command-line argument is at fault (an `--output` folder that holds inputs): a
  /// usage error (exit code 2) rather than the environment's.
  public var isUsage: Bool

  /// Creates a failure.
  public init(_ description: String, isUsage: Bool = false) {
    self.description = description
    self.isUsage = isUsage
  }
}

import StructuredData
import WaymarkModel
import WaymarkRendering
import WaymarkScorecards

/// What a build produced: its diagnostics, its files and whether it published them.
public struct BuildResult: Sendable {
  /// Every diagnostic, sorted and de-duplicated.
  public var diagnostics: DiagnosticList
  /// The site's files, when the build kept them (`BuildOptions.keepsFiles`; empty when it stopped
  /// before rendering).
  public var files: [OutputFile]
  /// How many files the site has (0 when the build stopped before rendering), kept or not.
  public var fileCount: Int
  /// Whether the output folder was replaced.
  public var published: Bool
  /// The output folder.
  public var output: String
  /// The scorecard results, changes and gates.
  public var scorecards: ScorecardOutcome
  /// The build's "now".
  public var now: Timestamp
  /// How many warnings and notes `diagnostics.ignore` left out of `diagnostics`.
  public var silenced = 0
  /// Problems that cost only speed, one line each: a build cache that could not be read (corrupt,
  /// or written by another Waymark) or written. They are never diagnostics: the site is the same.
  public var warnings: [String] = []
  /// Whether the build found every input as the last published build read them and kept its
  /// output as it was (`BuildOptions.skipsUnchangedBuild`); `published` is then false.
  public var isUnchanged = false
  /// What an edited docs page is shown with before the next build publishes, when the build
  /// published and was asked to keep it (`BuildOptions.keepsDocsPreview`).
  package var docsPreview: DocsPagePreview?
  /// When the build published with a cache and keeps its docs preview (`serve`): the files
  /// whose bytes changed from the output it replaced, by path, with their digests (none: gone).
  package var changedFiles: [String: MemoKey?]?
}

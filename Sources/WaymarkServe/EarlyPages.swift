import WaymarkModel
import WaymarkRendering

/// Docs pages shown before the build after their edit: `waymark serve` renders the edited pages
/// into the preview at once (see `DocsPagePreview`), then builds the whole site.
public struct EarlyPages: Sendable, Equatable {
  /// The edited Markdown files, root-relative and sorted.
  public var changed: [String]
  /// The preview's files put in place, by path, with their bytes' digests.
  public var files: [String: MemoKey]
  /// From the first change seen to the pages' rendering (the wait for the burst of saves to settle).
  public var settleMilliseconds: Double
  /// Rendering them and putting them in place.
  public var milliseconds: Double
  /// The published files they replaced, put back when the build after the edit does not publish
  /// (the preview then shows the last good build, as a whole).
  public var replaced: [OutputFile] = []

  /// Creates the record of pages shown early.
  public init(changed: [String], files: [String: MemoKey], settleMilliseconds: Double, milliseconds: Double) {
    self.changed = changed
    self.files = files
    self.settleMilliseconds = settleMilliseconds
    self.milliseconds = milliseconds
  }
}

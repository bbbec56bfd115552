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
  /// The files put in place, to put back should a build publishing before theirs replace them.
  public var shown: [OutputFile] = []
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

  /// These pages and `later`, shown after them for edits waiting for the same build: the later
  /// version of each file, and the first of the files replaced (what the last build published).
  public func merging(_ later: EarlyPages) -> EarlyPages {
    var merged = later
    merged.changed = Array(Set(changed + later.changed)).sorted()
    merged.files = files.merging(later.files) { _, newer in newer }
    let newer = Set(later.shown.map(\.path))
    merged.shown = shown.filter { !newer.contains($0.path) } + later.shown
    let known = Set(replaced.map(\.path))
    merged.replaced = replaced + later.replaced.filter { !known.contains($0.path) }
    return merged
  }
}

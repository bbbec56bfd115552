import WaymarkModel
import WaymarkRendering

/// Docs pages shown before the build after their edit: `waymark serve` renders the edited pages
/// into the preview at once (see `DocsPagePreview`), then builds the whole site.
public struct EarlyPages: Sendable, Equatable {
  /// The edited Markdown files, root-relative and sorted.
  public var changed: [String]
  /// The files put in place (also put back should a build publishing before theirs replace them).
  public private(set) var shown: [OutputFile]
  /// The digests of `shown`'s bytes, by path.
  public private(set) var files: [String: MemoKey]
  /// The published files they replaced, put back when the build after the edit does not publish
  /// (the preview then shows the last good build, as a whole).
  public var replaced: [OutputFile]
  /// From the first change seen to the pages' rendering (the wait for the burst of saves to settle).
  public var settleMilliseconds: Double
  /// Rendering them and putting them in place.
  public var milliseconds: Double

  /// Creates the record of pages shown early: `shown` put in place of `replaced`.
  public init(
    changed: [String], shown: [OutputFile], replaced: [OutputFile], settleMilliseconds: Double, milliseconds: Double
  ) {
    self.changed = changed
    self.shown = shown
    files = Dictionary(shown.map { ($0.path, MemoKey.digest(of: $0.bytes)) }) { _, later in later }
    self.replaced = replaced
    self.settleMilliseconds = settleMilliseconds
    self.milliseconds = milliseconds
  }

  /// These pages and `later`, shown after them for edits waiting for the same build: the later
  /// version of each file, and the first of the files replaced (what the last build published).
  public func merging(_ later: EarlyPages) -> EarlyPages {
    let newer = Set(later.shown.map(\.path))
    let known = Set(replaced.map(\.path))
    return EarlyPages(
      changed: Array(Set(changed + later.changed)).sorted(),
      shown: shown.filter { !newer.contains($0.path) } + later.shown,
      replaced: replaced + later.replaced.filter { !known.contains($0.path) },
      settleMilliseconds: later.settleMilliseconds, milliseconds: later.milliseconds)
  }
}

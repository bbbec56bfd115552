import Foundation
import WaymarkKit
import WaymarkModel
import WaymarkRendering

/// Builds, then builds again after every batch of changes, until its task is cancelled: the loop
/// `serve` and `build --watch` share. The watcher starts before the first build, so nothing saved
/// while it runs is missed; a batch arriving during a build waits for it (later batches replace
/// it: one rebuild covers them all).
public struct WatchLoop: Sendable {
  /// Runs the builds.
  public let rebuilder: SiteRebuilder
  /// Notices the changes.
  public let watcher: InputWatcher

  /// Creates a loop.
  public init(rebuilder: SiteRebuilder, watcher: InputWatcher) {
    self.rebuilder = rebuilder
    self.watcher = watcher
  }

  /// The loop of `build --watch`: `options` built again and again, the output folder not watched.
  public init(options: BuildOptions, method: InputWatcher.Method) {
    let output = SiteConfigPeek.outputFolder(root: options.root, output: options.output)
    self.init(
      rebuilder: SiteRebuilder(options: options),
      watcher: InputWatcher(scope: WatchScope(root: options.root, ignoring: [output]), method: method))
  }

  /// Runs until cancelled. `started` gets how the inputs are watched (and why not by inotify, if
  /// so); `report` gets every build's outcome; the first build's progress goes to `progress`,
  /// later ones' only into their timing. Returns early with the first build's usage failure (an
  /// `--output` holding inputs), which no change to the inputs can fix.
  ///
  /// With `early` (and a rebuilder whose builds keep `DocsPagePreview`), edited docs pages are
  /// rendered into the last published site and handed to it before each build.
  @discardableResult
  public func run(
    started: @Sendable (_ how: String, _ warning: String?) async -> Void,
    progress: @escaping @Sendable (BuildProgress) -> Void,
    report: @Sendable (RebuildOutcome) async -> Void,
    early: (@Sendable (EarlyPages) async -> Void)? = nil
  ) async -> BuildFailure? {
    let (batches, how, warning) = watcher.changes()
    var (written, preview, usage) = await firstBuild(progress: progress, report: report)
    if let usage { return usage }
    await started(how, warning)
    for await batch in batches {
      var relevant = batch
      relevant.paths = batch.paths.filter { Self.isOutside(written, $0, root: watcher.scope) }
      guard !relevant.paths.isEmpty, !Task.isCancelled else { continue }
      if early == nil { preview = nil }
      let outcome = await rebuild(after: relevant, preview: &preview) { await early?($0) }
      written = outcome.result?.output ?? written
      await report(outcome)
    }
    return nil
  }

  /// The first build, reported: where it wrote, what it keeps for early pages, and its usage
  /// failure (then it is not reported).
  private func firstBuild(
    progress: @escaping @Sendable (BuildProgress) -> Void, report: @Sendable (RebuildOutcome) async -> Void
  ) async -> (written: String?, preview: DocsPagePreview?, usage: BuildFailure?) {
    let first = await rebuilder.build(after: nil, progress: progress)
    if let failure = first.failure, failure.isUsage { return (nil, nil, failure) }
    await report(first)
    return (first.result?.output, first.result?.docsPreview, nil)
  }

  /// One build after `batch`. With `preview` (the last published build's), edited docs pages
  /// are first put in place in its site and handed to `shown`, and put back as they were should
  /// the build not publish. `preview` becomes this build's when it publishes, else nil; the last
  /// build's is let go before this one runs, so the two are never held at once.
  func rebuild(
    after batch: WatchBatch, preview: inout DocsPagePreview?, shown: @Sendable (EarlyPages) async -> Void
  ) async -> RebuildOutcome {
    var early: EarlyPages?
    let output = preview?.output
    if let current = preview, let pages = await Self.showEarly(batch, preview: current) {
      early = pages
      await shown(pages)
    }
    preview = nil
    var outcome = await rebuilder.build(after: batch, progress: { _ in })
    if let early, let output, !outcome.published { try? DocsPagePreview.replace(early.replaced, in: output) }
    outcome.early = early
    // Only a published build's pages are a base for the next edit's.
    preview = outcome.result?.docsPreview
    outcome.result?.docsPreview = nil
    return outcome
  }

  /// The edited pages of `batch` rendered and put in place in `preview`'s site; nil when the
  /// batch is not only edits of docs pages that can be shown so (see `DocsPagePreview.render`).
  static func showEarly(_ batch: WatchBatch, preview: DocsPagePreview) async -> EarlyPages? {
    let started = ContinuousClock.now
    guard let files = await preview.render(changed: Set(batch.paths)) else { return nil }
    let replaced: [OutputFile]
    do {
      replaced = try preview.publish(files)
    } catch {
      return nil
    }
    var pages = EarlyPages(
      changed: batch.paths,
      files: Dictionary(files.map { ($0.path, MemoKey.digest(of: $0.bytes)) }) { first, _ in first },
      settleMilliseconds: (started - batch.firstChange).milliseconds,
      milliseconds: (ContinuousClock.now - started).milliseconds)
    pages.replaced = replaced
    return pages
  }

  /// Whether the root-relative `path` lies outside the folder the last build wrote (`output`,
  /// absolute): the configured output may have moved since the watcher started.
  static func isOutside(_ output: String?, _ path: String, root scope: WatchScope) -> Bool {
    guard let output else { return true }
    return WatchScope(root: URL(fileURLWithPath: scope.root), ignoring: [URL(fileURLWithPath: output)]).matters(path)
  }
}

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

  /// The loop of `build --watch`: `options` built again and again, the output folder and the
  /// build cache not watched.
  public init(options: BuildOptions, method: InputWatcher.Method) {
    let output = SiteConfigPeek.outputFolder(root: options.root, output: options.output)
    let written = [output] + [options.cache.folder(output: output)].compactMap { $0 }
    self.init(
      rebuilder: SiteRebuilder(options: options),
      watcher: InputWatcher(scope: WatchScope(root: options.root, ignoring: written), method: method))
  }

  /// Runs until cancelled. `started` gets how the inputs are watched (and why not by inotify, if
  /// so); `report` gets every build's outcome; the first build's progress goes to `progress`,
  /// later ones' only into their timing. Returns early with the first build's usage failure (an
  /// `--output` holding inputs), which no change to the inputs can fix.
  ///
  /// With `early` (and a rebuilder whose builds keep `DocsPagePreview`), edited docs pages are
  /// rendered into the last published site and handed to it as soon as they are saved, also
  /// while a build runs (see `showingPagesEarly`).
  @discardableResult
  public func run(
    started: @Sendable (_ how: String, _ warning: String?) async -> Void,
    progress: @escaping @Sendable (BuildProgress) -> Void,
    report: @escaping @Sendable (RebuildOutcome) async -> Void,
    early: (@Sendable (EarlyPages) async -> Void)? = nil
  ) async -> BuildFailure? {
    let (batches, how, warning) = watcher.changes()
    let first = await firstBuild(progress: progress, report: report)
    if let usage = first.usage { return usage }
    await started(how, warning)
    if let early {
      let pending = PendingEdits(written: first.written, preview: first.preview)
      await showingPagesEarly(batches, pending: pending, report: report, early: early)
      return nil
    }
    var written = first.written
    for await batch in batches {
      var relevant = batch
      relevant.paths = batch.paths.filter { Self.isOutside(written, $0, root: watcher.scope) }
      guard !relevant.paths.isEmpty, !Task.isCancelled else { continue }
      let outcome = await rebuilder.build(after: relevant, progress: { _ in })
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
    var first = await rebuilder.build(after: nil, progress: progress)
    if let failure = first.failure, failure.isUsage { return (nil, nil, failure) }
    let preview = first.result?.docsPreview
    first.result?.docsPreview = nil
    await report(first)
    return (first.result?.output, preview, nil)
  }

  /// Two loops: one takes each batch as it comes, shows its edited pages at once (with what the
  /// last published build made, which is therefore held while the next build runs) and hands it
  /// on; the other builds, one build at a time, everything handed on since the last build began.
  func showingPagesEarly(
    _ batches: AsyncStream<WatchBatch>, pending: PendingEdits,
    report: @escaping @Sendable (RebuildOutcome) async -> Void,
    early: @escaping @Sendable (EarlyPages) async -> Void
  ) async {
    await withTaskGroup(of: Void.self) { group in
      // A page shown early is what the writer waits for: it goes ahead of the build's work.
      group.addTask(priority: .high) {
        for await batch in batches {
          guard !Task.isCancelled else { break }
          var relevant = batch
          let written = await pending.written
          relevant.paths = batch.paths.filter { Self.isOutside(written, $0, root: watcher.scope) }
          guard !relevant.paths.isEmpty else { continue }
          var pages: EarlyPages?
          if let preview = await pending.preview { pages = await Self.showEarly(relevant, preview: preview) }
          if let pages { await early(pages) }
          await pending.add(relevant, shown: pages)
        }
        await pending.close()
      }
      group.addTask(priority: .utility) {
        // After Ctrl-C, edits still waiting are not built: the build in progress is the last.
        while let (batch, shown) = await pending.take(), !Task.isCancelled {
          await report(await build(after: batch, shown: shown, pending: pending))
        }
      }
    }
  }

  /// The build after `batch`, whose edited pages `shown` were shown early. Pages shown for
  /// later edits while it ran are put back over what it published, and count as shown (see
  /// `RebuildOutcome.laterPages`); when it does not publish, the pages shown for `batch` are
  /// put back as they were, but those shown since.
  func build(after batch: WatchBatch, shown: EarlyPages?, pending: PendingEdits) async -> RebuildOutcome {
    let output = await pending.preview?.output
    var outcome = await rebuilder.build(after: batch, progress: { _ in })
    outcome.early = shown
    outcome.laterPages = await pending.shown
    if let output {
      if let later = outcome.laterPages { try? DocsPagePreview.replace(later.shown, in: output) }
      if let shown, !outcome.published {
        let older = shown.replaced.filter { outcome.laterPages?.files[$0.path] == nil }
        try? DocsPagePreview.replace(older, in: output)
      }
    }
    await pending.built(written: outcome.result?.output, preview: outcome.result?.docsPreview)
    outcome.result?.docsPreview = nil
    return outcome
  }

  /// The edited pages of `batch` rendered and put in place in `preview`'s site; nil when the
  /// batch is not only edits of docs pages that can be shown so (see `DocsPagePreview.render`).
  static func showEarly(_ batch: WatchBatch, preview: DocsPagePreview) async -> EarlyPages? {
    let started = ContinuousClock.now
    guard let files = await preview.render(changed: Set(batch.paths)) else { return nil }
    guard let replaced = try? DocsPagePreview.replace(files, in: preview.output) else { return nil }
    return EarlyPages(
      changed: batch.paths, shown: files, replaced: replaced,
      settleMilliseconds: (started - batch.firstChange).milliseconds,
      milliseconds: (ContinuousClock.now - started).milliseconds)
  }

  /// Whether the root-relative `path` lies outside the folder the last build wrote (`output`,
  /// absolute): the configured output may have moved since the watcher started.
  static func isOutside(_ output: String?, _ path: String, root scope: WatchScope) -> Bool {
    guard let output else { return true }
    return WatchScope(root: URL(fileURLWithPath: scope.root), ignoring: [URL(fileURLWithPath: output)]).matters(path)
  }
}

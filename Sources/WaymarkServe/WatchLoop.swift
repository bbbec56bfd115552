import Foundation
import WaymarkKit

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
  @discardableResult
  public func run(
    started: @Sendable (_ how: String, _ warning: String?) async -> Void,
    progress: @escaping @Sendable (BuildProgress) -> Void,
    report: @Sendable (RebuildOutcome) async -> Void
  ) async -> BuildFailure? {
    let (batches, how, warning) = watcher.changes()
    let first = await rebuilder.build(after: nil, progress: progress)
    if let failure = first.failure, failure.isUsage { return failure }
    await started(how, warning)
    var written = first.result?.output
    await report(first)
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

  /// Whether the root-relative `path` lies outside the folder the last build wrote (`output`,
  /// absolute): the configured output may have moved since the watcher started.
  static func isOutside(_ output: String?, _ path: String, root scope: WatchScope) -> Bool {
    guard let output else { return true }
    return WatchScope(root: URL(fileURLWithPath: scope.root), ignoring: [URL(fileURLWithPath: output)]).matters(path)
  }
}

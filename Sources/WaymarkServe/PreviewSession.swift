import Foundation
import WaymarkKit

/// `waymark serve`: the watch loop building into a private preview folder, and the server
/// showing it, with the open pages told of every build.
///
/// The published output is never written: builds go to `.waymark/serve/site` under the root
/// (hidden, so no input reads it, and ignored by git through its own `.gitignore`), and the
/// output folder is still checked and left out of the walk as `waymark build` would.
public struct PreviewSession: Sendable {
  /// The builds and their watcher.
  public let loop: WatchLoop
  /// The HTTP server.
  public let server: PreviewServer
  /// The status the pages are served with.
  public let hub: PreviewHub

  /// The preview folder of the site at `root`.
  public static func previewFolder(root: URL) -> URL {
    root.standardizedFileURL.appendingPathComponent(".waymark/serve/site")
  }

  /// A session for the build `options` (its `previewOutput` is set here), watched by `method`,
  /// served on `address` and `port`. Creates the preview folder's parent, with a `.gitignore`.
  public init(
    options: BuildOptions, address: ListenAddress, port: UInt16, method: InputWatcher.Method
  ) throws(PreviewServer.Failure) {
    let preview = Self.previewFolder(root: options.root)
    do {
      try Self.prepare(preview.deletingLastPathComponent())
    } catch {
      throw PreviewServer.Failure(description: "cannot create \(preview.path): \(error.localizedDescription)")
    }
    var options = options
    options.previewOutput = preview
    options.keepsFiles = false
    options.keepsDocsPreview = true
    let configured = SiteConfigPeek.outputFolder(root: options.root, output: options.output)
    let scope = WatchScope(root: options.root, ignoring: [preview, configured])
    hub = PreviewHub()
    loop = WatchLoop(rebuilder: SiteRebuilder(options: options), watcher: InputWatcher(scope: scope, method: method))
    server = try PreviewServer(address: address, port: port, siteFolder: preview.path, hub: hub)
  }

  /// Runs the watch loop until cancelled (or the first build's usage failure, returned), telling
  /// the pages of every build; the server must be started.
  /// An edited docs page is shown before its build (see `WatchLoop.run`); `shown` hears of it.
  @discardableResult
  public func run(
    started: @Sendable (_ how: String, _ warning: String?) async -> Void,
    progress: @escaping @Sendable (BuildProgress) -> Void,
    report: @escaping @Sendable (RebuildOutcome) async -> Void,
    shown: @escaping @Sendable (EarlyPages) async -> Void = { _ in }
  ) async -> BuildFailure? {
    let hub = self.hub
    return await loop.run(
      started: started, progress: progress,
      report: { outcome in
        await hub.publish(outcome)
        await report(outcome)
      },
      early: { pages in
        await hub.publish(early: pages)
        await shown(pages)
      })
  }

  /// `folder` (`.waymark/serve`), created with a `.gitignore` that ignores everything in it.
  static func prepare(_ folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let ignore = folder.appendingPathComponent(".gitignore")
    if !FileManager.default.fileExists(atPath: ignore.path) {
      try Data("# waymark serve's preview site and caches: never committed.\n*\n".utf8).write(to: ignore)
    }
  }
}

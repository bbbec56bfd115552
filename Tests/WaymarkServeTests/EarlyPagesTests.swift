import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

@testable import WaymarkServe

/// An edited docs page is shown before its build, and the build that then publishes the same
/// page does not reload the open pages again; a build that publishes other pages, or fails, does.
@Suite struct EarlyPagesTests {
  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      description: The first description.
      annotations:
        backstage.io/techdocs-ref: dir:../docs/svc
    spec: {type: service, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: team-a
    spec: {type: team, children: []}

    """
  static let page = "content/docs/svc/docs/index.md"
  static let pageHTML = "docs/default/component/svc/index.html"

  static func site() throws -> URL {
    try SiteFixture.make([
      "waymark.yaml": "asOf: 2026-11-01T00:00:00Z\n", "content/catalog/svc.yaml": catalog,
      "content/docs/svc/mkdocs.yml": "site_name: Svc\n", page: "# Svc\n\nThe first words.\n",
    ])
  }

  /// The rebuilder `serve` uses, publishing into `root`'s preview folder with a cache.
  static func rebuilder(_ root: URL) -> SiteRebuilder {
    var options = BuildOptions(root: root, baseURL: "/", writesOutput: true, progress: { _ in })
    options.previewOutput = PreviewSession.previewFolder(root: root)
    options.keepsFiles = false
    options.keepsDocsPreview = true
    options.cache = .besideOutput
    return SiteRebuilder(options: options)
  }

  static func edit(_ text: String, _ path: String, in root: URL) throws -> WatchBatch {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
    return WatchBatch(paths: [path], firstChange: .now)
  }

  /// A site built once as `serve` builds it, with its watch loop and what the loop holds.
  static func servedSite() async throws -> (URL, WatchLoop, PendingEdits) {
    let root = try site()
    let loop = WatchLoop(rebuilder: rebuilder(root), watcher: InputWatcher(scope: WatchScope(root: root, ignoring: [])))
    let first = await loop.rebuilder.build(after: nil, progress: { _ in })
    return (root, loop, PendingEdits(written: first.result?.output, preview: first.result?.docsPreview))
  }

  static func shown(_ root: URL) throws -> String {
    try String(contentsOf: PreviewSession.previewFolder(root: root).appendingPathComponent(pageHTML), encoding: .utf8)
  }

  @Test func theBuildAfterAnEarlyPageReloadsOnlyWhenItPublishesMore() async throws {
    let root = try Self.site()
    let rebuilder = Self.rebuilder(root)
    let first = await rebuilder.build(after: nil, progress: { _ in })
    let preview = try #require(first.result?.docsPreview)

    let batch = try Self.edit("# Svc\n\nThe second words.\n", Self.page, in: root)
    let early = try #require(await WatchLoop.showEarly(batch, preview: preview))
    #expect(early.changed == [Self.page])
    #expect(Array(early.files.keys) == [Self.pageHTML])
    #expect(try Self.shown(root).contains("The second words."))
    var outcome = await rebuilder.build(after: batch, progress: { _ in })
    outcome.early = early
    #expect(outcome.published)
    #expect(outcome.result?.changedFiles?[Self.pageHTML] == early.files[Self.pageHTML])
    #expect(!outcome.reloadsOpenPages)

    let hub = PreviewHub(session: "t")
    await hub.publish(first)
    await hub.publish(early: early)
    #expect(await hub.status.generation == "t-2")
    await hub.publish(outcome)
    #expect(await hub.status.generation == "t-2")
    #expect(await hub.status.builds == 2)
    #expect(await hub.status.early == early)

    // A description shows on the entity page: that build reloads.
    let described = try Self.edit(
      Self.catalog.replacingOccurrences(of: "The first description", with: "The second description"),
      "content/catalog/svc.yaml", in: root)
    let next = await rebuilder.build(after: described, progress: { _ in })
    #expect(next.published)
    #expect(next.reloadsOpenPages)
    await hub.publish(next)
    #expect(await hub.status.generation == "t-3")

    // A stylesheet is no page but changes every page: that build reloads too.
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("layouts/_assets"), withIntermediateDirectories: true)
    let styled = try Self.edit("body { color: teal; }\n", "layouts/_assets/site.css", in: root)
    let restyled = await rebuilder.build(after: styled, progress: { _ in })
    #expect(restyled.published)
    #expect(restyled.result?.changedFiles?.keys.sorted() == ["api/build.json", "assets/site.css"])
    #expect(restyled.reloadsOpenPages)
  }

  @Test func editsWaitingForTheNextBuildAreTakenTogether() async throws {
    let pending = PendingEdits(written: nil, preview: nil)
    let file = { (path: String, text: String) in OutputFile(path: path, text: text) }
    let first = EarlyPages(
      changed: ["b.md"], shown: [file("b/index.html", "b1")], replaced: [file("b/index.html", "b0")],
      settleMilliseconds: 50, milliseconds: 40)
    let second = EarlyPages(
      changed: ["a.md", "b.md"], shown: [file("a/index.html", "a1"), file("b/index.html", "b2")],
      replaced: [file("a/index.html", "a0"), file("b/index.html", "b1")], settleMilliseconds: 51, milliseconds: 30)
    #expect(
      second.files == [
        "a/index.html": MemoKey.digest(of: Array("a1".utf8)), "b/index.html": MemoKey.digest(of: Array("b2".utf8)),
      ])
    await pending.add(WatchBatch(paths: ["b.md"], firstChange: .now), shown: first)
    await pending.add(WatchBatch(paths: ["a.md", "b.md"], firstChange: .now), shown: second)
    let taken = try #require(await pending.take())
    #expect(taken.batch.paths == ["a.md", "b.md"])
    let merged = try #require(taken.shown)
    #expect(merged.changed == ["a.md", "b.md"])
    #expect(merged.files == second.files)
    #expect(merged.shown.map { String(decoding: $0.bytes, as: UTF8.self) }.sorted() == ["a1", "b2"])
    // What is put back after a failed build is what the last build published: the first replaced.
    #expect(merged.replaced.map { String(decoding: $0.bytes, as: UTF8.self) }.sorted() == ["a0", "b0"])
    #expect((merged.settleMilliseconds, merged.milliseconds) == (51, 30))
    await pending.close()
    #expect(await pending.take() == nil)
  }

  @Test func aBuildThatFailsPutsTheReplacedPageBack() async throws {
    let (root, loop, pending) = try await Self.servedSite()
    // The page and, in the same save, a catalog error: the build publishes nothing.
    let batch = try Self.edit("# Svc\n\nThe second words.\n", Self.page, in: root)
    let preview = try #require(await pending.preview)
    let early = try #require(await WatchLoop.showEarly(batch, preview: preview))
    #expect(try Self.shown(root).contains("The second words."))
    try Data(Self.catalog.replacingOccurrences(of: "owner: team-a", with: "owner: team-x").utf8)
      .write(to: root.appendingPathComponent("content/catalog/svc.yaml"))
    await pending.add(batch, shown: early)
    let taken = try #require(await pending.take())
    #expect(taken.batch.paths == [Self.page])
    #expect(taken.shown == early)
    let outcome = await loop.build(after: taken.batch, shown: taken.shown, pending: pending)
    #expect(!outcome.published)
    #expect(outcome.reloadsOpenPages)
    #expect(try Self.shown(root).contains("The first words."))
    // What a failed build made is no base for the next edit's early pages.
    #expect(await pending.preview == nil)
  }

  @Test func aPageShownWhileABuildRunsIsPutBackOverWhatThatBuildPublished() async throws {
    let (root, loop, pending) = try await Self.servedSite()
    let described = try Self.edit(
      Self.catalog.replacingOccurrences(of: "The first description", with: "The second description"),
      "content/catalog/svc.yaml", in: root)
    await pending.add(described, shown: nil)
    let taken = try #require(await pending.take())
    // The page is saved and shown while that build runs, which had read it before the save.
    let saved = try Self.edit("# Svc\n\nThe second words.\n", Self.page, in: root)
    let preview = try #require(await pending.preview)
    let early = try #require(await WatchLoop.showEarly(saved, preview: preview))
    await pending.add(saved, shown: early)
    try Data("# Svc\n\nThe first words.\n".utf8).write(to: root.appendingPathComponent(Self.page))
    let outcome = await loop.build(after: taken.batch, shown: nil, pending: pending)
    #expect(outcome.published)
    #expect(outcome.laterPages == early)
    #expect(try Self.shown(root).contains("The second words."))
    // The entity page shows the new description: open pages reload, and the page is as shown.
    #expect(outcome.reloadsOpenPages)
    let next = try #require(await pending.take())
    #expect(next.batch.paths == [Self.page])
    #expect(next.shown == early)
  }
}

/// What the early pages' listener heard, and what the preview showed then.
actor ShownPages {
  var pages: EarlyPages?
  var html = ""

  func record(_ pages: EarlyPages, shown: String) {
    self.pages = pages
    html = shown
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// A build whose inputs are all as the last published build read them keeps that build's output
/// and reports its diagnostics (`BuildOptions.skipsUnchangedBuild`, issue 26); anything else it
/// depends on that changed makes it build, and the output is then the cold build's.
@Suite struct UnchangedBuildTests {
  /// The cache tests' site, with a docs link to a missing page: a warning to report again.
  static func site() throws -> URL {
    let root = try BuildCacheTests.site(description: "Orders")
    try Data("# Guide\n\nSee [usage](index.md#usage) and [old](old.md).\n".utf8)
      .write(to: root.appendingPathComponent("content/docs/svc/docs/guide.md"))
    return root
  }

  static func build(_ root: URL, output: URL, cache: URL, skips: Bool = true) async throws -> BuildResult {
    var options = BuildOptions(root: root, output: output, asOf: BuildCacheTests.asOf)
    options.cache = .folder(cache)
    options.keepsFiles = false
    options.skipsUnchangedBuild = skips
    return try await SiteBuilder().build(options)
  }

  static func folders() throws -> (output: URL, cache: URL) {
    let parent = try TestPaths.temporaryDirectory("unchanged")
    return (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
  }

  /// Every file of `folder` with its inode.
  static func inodes(_ folder: URL) throws -> [String: UInt64] {
    var found: [String: UInt64] = [:]
    for path in SiteFixture.snapshot(of: folder).keys {
      let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
      found[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    }
    return found
  }

  @Test func anUnchangedSiteKeepsItsOutputAndReportsTheSameDiagnostics() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    let first = try await Self.build(root, output: output, cache: cache)
    #expect(first.published && !first.isUnchanged)
    #expect(first.diagnostics.items.map(\.code) == [.docsBrokenLink])
    let published = try Self.inodes(output)
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.isUnchanged && !second.published)
    #expect(second.diagnostics == first.diagnostics)
    #expect(second.fileCount == first.fileCount && second.silenced == first.silenced && second.now == first.now)
    #expect(try Self.inodes(output) == published)
  }

  @Test func aFileWrittenWithTheSameBytesIsUnchangedAndAnEditedOneIsBuilt() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    let catalog = root.appendingPathComponent("content/catalog/c.yaml")
    let bytes = try Data(contentsOf: catalog)
    try FileManager.default.removeItem(at: catalog)
    try bytes.write(to: catalog)
    #expect(try await Self.build(root, output: output, cache: cache).isUnchanged)
    try Data(BuildCacheTests.catalog(description: "Payments").utf8).write(to: catalog)
    let edited = try await Self.build(root, output: output, cache: cache)
    #expect(edited.published && !edited.isUnchanged)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }

  @Test func anAddedOrRemovedFileIsBuilt() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    let page = root.appendingPathComponent("content/docs/svc/docs/old.md")
    try Data("# Old\n".utf8).write(to: page)
    let added = try await Self.build(root, output: output, cache: cache)
    #expect(added.published && added.diagnostics.items.isEmpty)
    try FileManager.default.removeItem(at: page)
    let removed = try await Self.build(root, output: output, cache: cache)
    #expect(removed.published && removed.diagnostics.items.map(\.code) == [.docsBrokenLink])
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }

  @Test func aLinkToNothingAddedWhereTheCatalogIsReadIsReported() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    // The walk skips it (no file to list), but a catalog glob matches it: an error.
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("content/catalog/gone.yaml").path, withDestinationPath: "missing.yaml")
    let again = try await Self.build(root, output: output, cache: cache)
    #expect(!again.isUnchanged && again.diagnostics.items.map(\.code).contains(.inputMissing))
  }

  @Test(arguments: ["changed file", "added file", "empty folder", "removed file"])
  func anOutputChangedSinceItWasPublishedIsBuiltAgain(change: String) async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    let page = output.appendingPathComponent("docs/default/component/svc/guide/index.html")
    switch change {
    case "changed file": try Data("tampered".utf8).write(to: page)
    case "added file": try Data("stray".utf8).write(to: output.appendingPathComponent("docs/stray.html"))
    case "empty folder":
      try FileManager.default.createDirectory(
        at: output.appendingPathComponent("docs/empty"), withIntermediateDirectories: false)
    default: try FileManager.default.removeItem(at: page)
    }
    let again = try await Self.build(root, output: output, cache: cache)
    #expect(again.published && !again.isUnchanged)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }

  @Test func aTopLevelDotFileOfTheOutputIsKeptAsEveryPublishKeepsIt() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    try Data().write(to: output.appendingPathComponent(".nojekyll"))
    #expect(try await Self.build(root, output: output, cache: cache).isUnchanged)
  }

  @Test func aBuildThatKeepsNoRecordLeavesNoneToTrust() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    // A layout changes the pages, not `api/build.json`: only the record can tell the builds apart.
    let layout = root.appendingPathComponent("layouts/docs.html")
    try FileManager.default.createDirectory(
      at: layout.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("<main>{{#doc}}{{{body}}}{{/doc}}</main>\n".utf8).write(to: layout)
    let manifest = try Data(contentsOf: output.appendingPathComponent("api/build.json"))
    #expect(try await Self.build(root, output: output, cache: cache, skips: false).published)
    #expect(try Data(contentsOf: output.appendingPathComponent("api/build.json")) == manifest)
    try FileManager.default.removeItem(at: layout.deletingLastPathComponent())
    let reverted = try await Self.build(root, output: output, cache: cache)
    #expect(reverted.published && !reverted.isUnchanged)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }

  @Test func aBuildThatDoesNotPublishLeavesThePublishedOnesRecord() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    _ = try await Self.build(root, output: output, cache: cache)
    let catalog = root.appendingPathComponent("content/catalog/c.yaml")
    let bytes = try Data(contentsOf: catalog)
    try Data("kind: [\n".utf8).write(to: catalog)
    #expect(try await Self.build(root, output: output, cache: cache).diagnostics.hasErrors)
    try bytes.write(to: catalog)
    #expect(try await Self.build(root, output: output, cache: cache).isUnchanged)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }

  @Test func aNewCommitMovesTheClockAndIsBuilt() async throws {
    let root = try Self.site()
    let (output, cache) = try Self.folders()
    try GitCommitClockTests.git(["init", "-q"], in: root)
    try GitCommitClockTests.git(["commit", "-q", "--allow-empty", "-m", "One"], in: root, date: 1_764_000_000)
    // "now" from the HEAD commit, which no input of the walk shows.
    var options = BuildOptions(root: root, output: output)
    options.cache = .folder(cache)
    options.keepsFiles = false
    options.skipsUnchangedBuild = true
    #expect(try await SiteBuilder().build(options).published)
    #expect(try await SiteBuilder().build(options).isUnchanged)
    try GitCommitClockTests.git(["commit", "-q", "--allow-empty", "-m", "Two"], in: root, date: 1_764_086_400)
    let moved = try await SiteBuilder().build(options)
    #expect(moved.published && moved.now == Timestamp(iso8601: "2025-11-25T16:00:00Z"))
  }

  @Test func aCacheFolderNamedInsideTheRootIsNoInput() async throws {
    let root = try Self.site()
    let output = try Self.folders().output
    let cache = root.appendingPathComponent("build-cache")
    let first = try await Self.build(root, output: output, cache: cache)
    #expect(first.published)
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.isUnchanged && second.diagnostics == first.diagnostics)
    let manifest = try String(contentsOf: output.appendingPathComponent("api/build.json"), encoding: .utf8)
    #expect(!manifest.contains("build-cache/"))
  }

  @Test func aCacheFolderThatHoldsInputsIsStillRead() async throws {
    let root = try Self.site()
    let output = try Self.folders().output
    let cache = root.appendingPathComponent("content/catalog")
    _ = try await Self.build(root, output: output, cache: cache)
    try Data("# Guide\n\nSee [usage](index.md#usage).\n".utf8)
      .write(to: root.appendingPathComponent("content/docs/svc/docs/guide.md"))
    let second = try await Self.build(root, output: output, cache: cache)
    // The catalog was read: no `catalog.no-input`, no diagnostic at all.
    #expect(second.published && second.diagnostics.items.isEmpty)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
  }
}

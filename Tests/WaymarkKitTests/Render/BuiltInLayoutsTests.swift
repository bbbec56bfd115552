import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// The compiled built-in layouts (`BuiltInLayouts`) write every page byte for byte as
/// swift-mustache does: whole sites are built both ways and every output file compared — the
/// demo (whose pages are the goldens), the hostile and real-world fixtures, and the small bench
/// corpus — and a site's own layouts keep going through swift-mustache.
@Suite struct BuiltInLayoutsTests {
  static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures")

  /// Builds `root` with the compiled layouts and without; the files of both, by path.
  func bothWays(_ root: URL, asOf: Timestamp? = nil) async throws -> (compiled: [OutputFile], mustache: [OutputFile]) {
    var options = BuildOptions(root: root, asOf: asOf, writesOutput: false)
    let compiled = try await SiteBuilder().build(options)
    options.compilesBuiltInLayouts = false
    let mustache = try await SiteBuilder().build(options)
    return (compiled.files, mustache.files)
  }

  /// The paths whose bytes differ (or that only one build wrote); empty when the builds agree.
  func differences(_ root: URL, asOf: Timestamp? = nil) async throws -> (pages: Int, differing: [String]) {
    let (compiled, mustache) = try await bothWays(root, asOf: asOf)
    let other = Dictionary(mustache.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    var differing = compiled.filter { other[$0.path] != $0.bytes }.map(\.path)
    differing += Set(other.keys).subtracting(compiled.map(\.path)).sorted()
    return (compiled.filter { $0.path.hasSuffix(".html") }.count, differing)
  }

  @Test func theDemoWritesTheSameBytesBothWays() async throws {
    let (pages, differing) = try await differences(
      TestPaths.repositoryRoot, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"))
    #expect(pages > 100)
    #expect(differing == [])
  }

  @Test(arguments: [
    "xss", "techdocs-fidelity", "real-catalogs/no-match", "real-catalogs/org-provider",
    "real-catalogs/outside-globs", "real-catalogs/software-templates", "hostile/markup-injection/site",
    "hostile/deep-nesting/site", "hostile/huge-scalar/site", "hostile/invalid-utf8-nul/site",
    "hostile/duplicate-keys/site", "hostile/layouts-in-docs/site",
  ])
  func aFixtureWritesTheSameBytesBothWays(_ fixture: String) async throws {
    let (pages, differing) = try await differences(Self.fixtures.appendingPathComponent(fixture), asOf: .epoch)
    #expect(pages > 0)
    #expect(differing == [])
  }

  /// The bench's small corpus (`Tests/Bench/gen_corpus.py --preset small --seed 42`, laid out as
  /// `make bench` lays it out): 200 entities of every kind, docs, events and SARIF results.
  @Test func theSmallBenchCorpusWritesTheSameBytesBothWays() async throws {
    let scratch = try TestPaths.temporaryDirectory("waymark-bench-small")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let bench = TestPaths.repositoryRoot.appendingPathComponent("Tests/Bench").path
    let script = """
      import sys; sys.path.insert(0, sys.argv[1]); import bench_layout
      print(bench_layout.ensure_site(sys.argv[2], bench_layout.ensure_corpus(sys.argv[2], "small", 42)))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, bench, scratch.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let site = try #require(printed.split(separator: "\n").last.map(String.init))
    let (pages, differing) = try await differences(URL(fileURLWithPath: site))
    #expect(pages > 400)
    #expect(differing == [])
  }

  @Test func everyThemePageLayoutCompiles() throws {
    let (layouts, diagnostics) = LayoutSet.load(site: [:], displayPath: "layouts")
    #expect(diagnostics.isEmpty)
    let builtIn = BuiltInLayouts(for: layouts)
    let kinds = layouts.resolver.themePaths.sorted().map { String($0.dropLast(".html".count)) }
    #expect(kinds.count == 12)
    let choices = kinds.compactMap { layouts.resolver.resolve(PageDescriptor(kind: $0)) }
    #expect(choices.count == 12)
    #expect(choices.filter { !builtIn.compiles($0) }.map(\.path) == [])
  }

  @Test func siteLayoutsCompileOnlyWhenTheyAreTheThemesOwnText() throws {
    let theme = EmbeddedLayouts.files
    let (copies, _) = LayoutSet.load(
      site: ["entity.html": theme["entity.html"] ?? [], "_partials/foot.html": theme["_partials/foot.html"] ?? []],
      displayPath: "layouts")
    let ownFoot = LayoutSet.load(site: ["_partials/foot.html": Array("<footer>ours</footer>".utf8)], displayPath: "l")
    let ownEntity = LayoutSet.load(site: ["entity.html": Array("<p>{{entity.title}}</p>".utf8)], displayPath: "l")
    let entity = PageDescriptor(kind: "entity")
    let site = try #require(copies.resolver.resolve(entity))
    let themeEntity = try #require(ownFoot.0.resolver.resolve(entity))
    let docs = try #require(ownFoot.0.resolver.resolve(PageDescriptor(kind: "docs")))
    #expect(site.origin == .site)
    #expect(themeEntity.origin == .theme)
    #expect(BuiltInLayouts(for: copies).compiles(site))
    // Every theme layout includes the foot: overriding it sends them all to swift-mustache.
    #expect(!BuiltInLayouts(for: ownFoot.0).compiles(themeEntity))
    #expect(!BuiltInLayouts(for: ownFoot.0).compiles(docs))
    #expect(!BuiltInLayouts(for: ownEntity.0).compiles(site))
    #expect(BuiltInLayouts(for: ownEntity.0).compiles(docs))
    var off = copies
    off.compilesBuiltInLayouts = false
    #expect(!BuiltInLayouts(for: off).compiles(site))
  }
}

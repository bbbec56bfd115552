import Foundation
import Markdown
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Diagrams drawn by an earlier build are taken from the build cache's `diagrams` table, so an
/// edit elsewhere starts no tool; the table is keyed by the tools and the diagram's source.
@Suite struct DiagramMemoTests {
  static let diagram = "digraph G { gateway -> orders }"

  /// The docs site of one component with one page holding `diagram`, loaded as a build loads it.
  static func loadedSite() async throws -> (DocsSetBuilder, [LoadedDocsSite]) {
    let root = try SiteFixture.make([
      "catalog-info.yaml": DocsSetBuilderTests.rootSiteCatalog,
      "waymark.yaml": DocsSetBuilderTests.rootSiteConfig,
      "mkdocs.yml": "site_name: Root\n",
      "docs/index.md": "# Root\n\n```dot\n\(diagram)\n```\n",
    ])
    let config = SiteConfigLoader().load(root: root).config
    let finder = InputFinder(root: root, excludedFolders: [])
    let loadedCatalog = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: finder.allFiles()))
    let (catalog, _) = CatalogBuilder().build(loadedCatalog.documents)
    let builder = DocsSetBuilder(root: root, config: config)
    let (sites, problems) = await builder.load(catalog: catalog, files: finder.allFiles())
    #expect(problems.isEmpty)
    return (builder, sites)
  }

  static func table(_ entries: [MemoKey: [UInt8]]) throws -> CacheTable {
    let configuration = MemoKey.digest(of: [0])
    let file = CacheTable.encode(name: DiagramMemo.table, configuration: configuration, entries: entries)
    return try CacheTable.decode(file, name: DiagramMemo.table, configuration: configuration).get()
  }

  static let tools = MemoKey.digest(of: Array("tools".utf8))
  static let dot = MarkdownDiagram(language: "dot", engine: "dot", source: diagram + "\n", line: 3)

  @Test func aStoredDrawingIsTakenWithoutRunningTheTool() async throws {
    let (builder, sites) = try await Self.loadedSite()
    let stored = DiagramMemo(try Self.table([:]), tools: Self.tools)
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>kept</title></svg>"
    let memo = DiagramMemo(try Self.table([stored.key(for: Self.dot): Array(svg.utf8)]), tools: Self.tools)
    let (docs, _, drawn) = await builder.build(
      sites, diagnostics: [], memo: DocsPageMemo(try Self.table([:]), diagrams: memo))
    let html = try #require(docs.sites.first?.pages.first?.html)
    #expect(html.contains("<title>kept</title>"))
    #expect(drawn == [memo.key(for: Self.dot): Array(svg.utf8)])
    #expect(docs.diagnostics.isEmpty)
  }

  @Test func aDrawingIsKeptByTheToolsAndTheSource() throws {
    let memo = DiagramMemo(try Self.table([:]), tools: Self.tools)
    var moved = Self.dot
    moved.line = 40
    #expect(memo.key(for: moved) == memo.key(for: Self.dot))
    var neato = Self.dot
    neato.engine = "neato"
    #expect(memo.key(for: neato) != memo.key(for: Self.dot))
    var edited = Self.dot
    edited.source = "digraph G { gateway -> billing }\n"
    #expect(memo.key(for: edited) != memo.key(for: Self.dot))
    let otherTools = DiagramMemo(try Self.table([:]), tools: MemoKey.digest(of: Array("upgraded".utf8)))
    #expect(otherTools.key(for: Self.dot) != memo.key(for: Self.dot))
  }

  @Test func aDrawingMadeNowIsReturnedToKeepAndAFailureIsNot() async throws {
    try #require(DiagramToolRunner().executable("dot") != nil, "Graphviz is installed by `make deps` (APT_PACKAGES)")
    let (builder, sites) = try await Self.loadedSite()
    let memo = DiagramMemo(try Self.table([:]), tools: Self.tools)
    let (docs, _, drawn) = await builder.build(
      sites, diagnostics: [], memo: DocsPageMemo(try Self.table([:]), diagrams: memo))
    let svg = try #require(drawn[memo.key(for: Self.dot)].map { String(decoding: $0, as: UTF8.self) })
    #expect(drawn.count == 1)
    #expect(svg.contains("<title>gateway&#45;&gt;orders</title>"))
    #expect(docs.sites.first?.pages.first?.html.contains("<title>gateway&#45;&gt;orders</title>") == true)

    var broken = sites
    broken[0].pages[0].file = SourceFile(
      path: broken[0].pages[0].file.path, bytes: Array("# Root\n\n```dot\ndigraph { a -> \n```\n".utf8))
    let (failed, _, none) = await builder.build(
      broken, diagnostics: [], memo: DocsPageMemo(try Self.table([:]), diagrams: memo))
    #expect(none.isEmpty)
    #expect(failed.diagnostics.map(\.code) == [.docsDiagramNotRendered])
  }
}

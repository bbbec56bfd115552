import Foundation
import Markdown
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// The search index (`search/`, not the full-text index under `search/v2/`) is one group keyed by
/// its documents, so an edit that changes no title, summary, tag or heading leaves it as it was.
@Suite struct SearchIndexGroupTests {
  /// Keeps every file with the key it was made under; holds nothing from earlier builds.
  struct RecordingSink: OutputSink {
    typealias Receipt = [OutputFile]
    typealias Failure = Never
    var keysPages: Bool { true }
    func take(_ files: [OutputFile]) -> [OutputFile] { files }
  }

  static func input() async throws -> RenderInput {
    let root = try SiteFixture.make(DocsFixture.files("docs-site"))
    let (config, _, _) = SiteConfigLoader().load(root: root)
    let finder = InputFinder(root: root, excludedFolders: [config.outputDirectory])
    let files = finder.allFiles()
    let loaded = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: files), available: files)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let (layouts, _) = LayoutSet.load(site: [:], displayPath: config.layoutsDirectory)
    var input = RenderInput(
      config: config, catalog: catalog, layouts: layouts, now: try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z")))
    input.docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: files)
    let key = MemoKey.digest(of: Array("keys".utf8))
    input.inputKeys = RenderInputKeys(configuration: key, catalog: key)
    return input
  }

  /// The key each file of the search index was made under, by path.
  static func searchKeys(_ input: RenderInput) async throws -> [String: MemoKey?] {
    let site = await SiteRenderer().render(input, into: RecordingSink())
    let files = site.receipts.joined().filter { $0.path.hasPrefix("search/") && !$0.path.hasPrefix("search/v2/") }
    return Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasSuffix(".json") }.map { ($0.path, $0.inputs) })
  }

  @Test func aParagraphEditKeepsTheKeyAndAHeadingEditChangesIt() async throws {
    let input = try await Self.input()
    let keys = try await Self.searchKeys(input)
    #expect(keys["search/manifest.json"] != nil)
    let key = try #require(keys["search/manifest.json"] ?? nil)
    #expect(Set(keys.values) == [key])

    let paragraph = Self.editing(input) { $0.html += "<p>One more paragraph.</p>\n" }
    #expect(try await Self.searchKeys(paragraph)["search/manifest.json"] == key)

    let heading = Self.editing(input) {
      $0.headings.append(MarkdownHeading(level: 2, text: "Troubleshooting", anchor: "troubleshooting", line: 90))
    }
    let headingKey = try #require(try await Self.searchKeys(heading)["search/manifest.json"] ?? nil)
    #expect(headingKey != key)
  }

  /// `input` with its first docs page edited by `edit`.
  static func editing(_ input: RenderInput, _ edit: (inout WaymarkModel.DocsPage) -> Void) -> RenderInput {
    var sites = input.docs.sites
    edit(&sites[0].pages[0])
    var edited = input
    edited.docs = DocsSet(sites: sites, files: input.docs.files, diagnostics: input.docs.diagnostics)
    return edited
  }
}

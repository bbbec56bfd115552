import Foundation
import StructuredData
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// A docs page's model holds its site's whole navigation, so building every page's model up
/// front grew with the square of a site's pages (issue 19, item 14: 1,500 pages took 1.78 GB).
/// The catalogue now defers each model to when its page renders.
@Suite struct DocsPageModelTests {
  @Test func docsPageModelsAreBuiltOnlyWhenTheirPageRenders() async throws {
    var files = DocsFixture.files("docs-site")
    for index in 0..<200 { files["content/docs/lib/docs/many/p\(index).md"] = "text \(index)\n" }
    let root = try SiteFixture.make(files)
    let asOf = try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
    let (config, _, _) = SiteConfigLoader().load(root: root)
    let finder = InputFinder(root: root, excludedFolders: [config.outputDirectory])
    let all = finder.allFiles()
    let loaded = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: all), available: all)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let (layouts, _) = LayoutSet.load(site: [:], displayPath: config.layoutsDirectory)
    var input = RenderInput(config: config, catalog: catalog, layouts: layouts, now: asOf)
    input.docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: all)

    let catalogue = PageCatalogue(input: input)
    let pages = catalogue.docsPages(nav: catalogue.navigation)
    #expect(pages.count == 206)
    // Nothing of any page's model is held before rendering.
    #expect(pages.allSatisfy { $0.deferredModel != nil && ($0.model as? TemplateJSON)?.value == .null })
    let page = try #require(pages.first { $0.path == "docs/default/component/lib/many/p7/" })
    let data = try JSONEncoder().encode(AnyEncodable(page.viewModel()))
    let model = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let docs = try #require(model["docs"] as? [String: Any])
    let navItems = try #require((docs["nav"] as? [String: Any])?["items"] as? [[String: Any]])
    let section = try #require(navItems.first { $0["title"] as? String == "Many" })
    let entries = try #require(section["items"] as? [[String: Any]])
    #expect(entries.count == 200)
    let current = entries.filter { $0["current"] as? Bool == true }.compactMap { $0["title"] as? String }
    #expect(current == ["P7"])
    #expect((model["doc"] as? [String: Any])?["title"] as? String == "P7")
  }
}

/// Encodes an existential page model.
private struct AnyEncodable: Encodable {
  let value: any Encodable
  init(_ value: any Encodable) { self.value = value }
  func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

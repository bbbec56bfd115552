import Foundation
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// `renderDocs` (what `waymark-bench docs-site` times) must write exactly the docs part of a build.
@Suite struct SiteRendererDocsTests {
  @Test func renderDocsWritesExactlyTheDocsFilesOfAWholeBuild() async throws {
    let root = try SiteFixture.make(DocsFixture.files("docs-site"))
    let asOf = try #require(Timestamp(iso8601: "2026-11-01T00:00:00Z"))
    let build = try await SiteBuilder().build(BuildOptions(root: root, asOf: asOf, writesOutput: false))

    let (config, _, _) = SiteConfigLoader().load(root: root)
    let finder = InputFinder(root: root, excludedFolders: [config.outputDirectory])
    let files = finder.allFiles()
    let loaded = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: files), available: files)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let (layouts, _) = LayoutSet.load(site: [:], displayPath: config.layoutsDirectory)
    var input = RenderInput(config: config, catalog: catalog, layouts: layouts, now: asOf)
    input.docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: files)
    let docsOnly = await SiteRenderer().renderDocs(input)

    let docsPrefixes = ["docs/", "assets/", "api/docs/"]
    let expected = build.files.filter { file in docsPrefixes.contains { file.path.hasPrefix($0) } }
    #expect(docsOnly.files.map(\.path) == expected.map(\.path))
    for (docs, whole) in zip(docsOnly.files, expected) {
      #expect(docs.bytes == whole.bytes, "\(docs.path)")
    }
    #expect(docsOnly.diagnostics.isEmpty)
    #expect(docsOnly.files.contains { $0.path == "docs/default/component/svc/guides/setup/index.html" })
    #expect(docsOnly.files.contains { $0.path == "assets/docs.css" })
  }
}

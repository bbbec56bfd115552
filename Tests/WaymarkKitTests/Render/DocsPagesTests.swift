import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

@Suite struct DocsPagesTests {
  @Test func aDocsPageHasNavTOCRewrittenLinksAndNoUnsafeHTML() async throws {
    let result = try await DocsFixture.build(DocsFixture.files("docs-site"))
    let home = try #require(DocsFixture.text(result, "docs/default/component/svc/index.html"))
    assertGolden(home, named: "docs-home.html")
    #expect(!home.contains("<script"))
    #expect(!home.contains("onclick"))
    let setup = try #require(DocsFixture.text(result, "docs/default/component/svc/guides/setup/index.html"))
    assertGolden(setup, named: "docs-setup.html")
  }

  @Test func theSiteJSONListsPagesAndHeadings() async throws {
    let result = try await DocsFixture.build(DocsFixture.files("docs-site"))
    let json = try #require(DocsFixture.text(result, "api/docs/default/component/svc.json"))
    assertGolden(json, named: "docs-svc.json")
  }

  @Test func assetsAreCopiedAndTheEntityPageLinksToItsDocs() async throws {
    let result = try await DocsFixture.build(DocsFixture.files("docs-site"))
    #expect(
      DocsFixture.text(result, "docs/default/component/svc/img/flow.svg")
        == "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n"
    )
    let entity = try #require(DocsFixture.text(result, "catalog/default/component/lib/index.html"))
    #expect(entity.contains("<a href=\"../../../../docs/default/component/lib/\">lib</a>"))
    #expect(entity.contains("<li><a href=\"../../../../docs/default/component/lib/reference/api/\">API</a></li>"))
    let group = try #require(DocsFixture.text(result, "catalog/default/group/team-a/index.html"))
    #expect(!group.contains("Documentation"))
  }

  @Test func theDemoHasElevenDocsSitesWithoutBrokenLinks() async throws {
    let result = try await SiteBuilder().build(
      BuildOptions(
        root: TestPaths.repositoryRoot, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    // The demo's one diagnostic is a deliberately expired waiver; nothing from the docs.
    #expect(!result.diagnostics.items.contains { $0.code.area == .docs })
    #expect(result.diagnostics.errorCount == 0)
    let sites = result.files.filter { $0.path.hasPrefix("api/docs/") }
    // Ten demo teams' sites and Waymark's own manual (docs/, registered as component:waymark).
    #expect(sites.count == 11)
    for site in sites {
      #expect(String(decoding: site.bytes, as: UTF8.self).contains("\"brokenLinks\": 0,"), "\(site.path)")
    }
    #expect(result.files.contains { $0.path == "docs/default/component/payments-api/img/latency-p99.png" })
    let manual = try #require(DocsFixture.text(result, "api/docs/default/component/waymark.json"))
    #expect(manual.contains("\"pages\": 21,"))
    #expect(result.files.contains { $0.path == "docs/default/component/waymark/diagnostic-codes/index.html" })
  }

  @Test func unsafeHTMLPassesOnlyWhenTheSiteAllowsIt() async throws {
    var files = DocsFixture.files("docs-site")
    files["waymark.yaml"] = "docs: {unsafeHTML: true}\n"
    let result = try await DocsFixture.build(files)
    let home = try #require(DocsFixture.text(result, "docs/default/component/svc/index.html"))
    #expect(home.contains("<b onclick=\"steal()\">bold</b>"))
    // The GFM tag filter still neutralises <script> even then.
    #expect(home.contains("&lt;script>alert(\"x\")&lt;/script>"))
  }
}

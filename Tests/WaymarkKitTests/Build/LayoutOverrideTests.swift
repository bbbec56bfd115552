import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

@Suite struct LayoutOverrideTests {
  func build(_ files: [String: String]) async throws -> (BuildResult, String) {
    var site = files
    site["content/catalog/a.yaml"] = site["content/catalog/a.yaml"] ?? SiteFixture.minimalCatalog
    let root = try SiteFixture.make(site)
    let result = try await SiteBuilder().build(BuildOptions(root: root, asOf: .epoch, writesOutput: false))
    return (result, DiagnosticFormat.text.format(result.diagnostics))
  }

  @Test func aSiteLayoutOverridesTheThemeForItsPagesOnly() async throws {
    let (result, problems) = try await build([
      "layouts/component/entity.html": "<p>{{entity.title}} by {{entity.owner.title}}</p>",
      "layouts/_partials/foot.html": "<footer>ours</footer>",
    ])
    #expect(problems == "")
    let component = try #require(result.files.first { $0.path == "catalog/default/component/svc/index.html" })
    #expect(String(decoding: component.bytes, as: UTF8.self) == "<p>svc by team-a</p>")
    let group = try #require(result.files.first { $0.path == "catalog/default/group/team-a/index.html" })
    #expect(String(decoding: group.bytes, as: UTF8.self).hasSuffix("<footer>ours</footer>"))
  }

  @Test func unusedSiteLayoutsAreWarnings() async throws {
    let (_, problems) = try await build(["layouts/template/entity.html": "x", "layouts/_partials/unused.html": "y"])
    #expect(
      problems == """
        layouts/_partials/unused.html: warning: layout '_partials/unused.html' is never used by any page [layout.unused]
        layouts/template/entity.html: warning: layout 'template/entity.html' is never used by any page [layout.unused]

        """)
  }

  @Test func aPageNamingAMissingLayoutIsAnError() async throws {
    let catalog = SiteFixture.minimalCatalog.replacingOccurrences(
      of: "  description: A <b>bold</b> service", with: "  annotations:\n    waymark.dev/layout: wide")
    let (result, problems) = try await build(["content/catalog/a.yaml": catalog])
    #expect(
      problems
        == "content/catalog/a.yaml:14:25: error: page 'catalog/default/component/svc/' needs layout 'wide', which does not exist (looked for component/wide.html, wide.html, component/entity.html, entity.html, all.html) [layout.missing]\n"
    )
    #expect(result.diagnostics.hasErrors)
  }

  @Test func templateSyntaxErrorsAreLocated() async throws {
    let (_, problems) = try await build(["layouts/home.html": "<h1>\n  {{#kinds}}x{{/wrong}}\n"])
    #expect(problems.hasPrefix("layouts/home.html:2:"))
    #expect(problems.contains("[layout.syntax]"))
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// A site layout using a key its page type's model lacks is a `layout.unknown-key` warning at
/// the tag; names inside sections refer to the section's element first, then outwards.
@Suite struct LayoutKeyCheckerTests {
  func warnings(_ site: [String: String], layout: String, type: PageType) -> String {
    let (layouts, problems) = LayoutSet.load(theme: [:], site: site, displayPath: "layouts")
    #expect(problems.isEmpty)
    return DiagnosticFormat.text.format(DiagnosticList(layouts.keyChecker.check(layout: "site:" + layout, for: type)))
  }

  @Test(arguments: PageType.allCases) func theDefaultThemeUsesOnlyKeysItsPagesHave(_ type: PageType) {
    let (layouts, _) = LayoutSet.load(site: [:], displayPath: "layouts")
    let name = "theme:\(type.rawValue).html"
    #expect(layouts.keyChecker.sources[name] != nil)
    #expect(layouts.keyChecker.check(layout: name, for: type, includeTheme: true) == [])
  }

  @Test func sectionsLookInTheirElementThenOutwards() {
    let layout = """
      {{#entity.relationGroups}}<h2>{{heading}}</h2>{{#targets}}<a href="{{url}}">{{title}}</a> {{root}}{{/targets}}
      {{/entity.relationGroups}}{{^hasScorecards}}none{{/hasScorecards}}{{{graph}}}{{policy.anything.at.all}}{{.}}
      """
    #expect(warnings(["entity.html": layout], layout: "entity.html", type: .entity) == "")
  }

  @Test func unknownKeysAreWarningsAtTheTag() {
    let layout = """
      <h1>{{entity.titel}}</h1>
      {{#entity.relationGroups}}{{heading}}{{colour}}{{/entity.relationGroups}}{{heading}}
        {{#entity.owner}}{{kind}}{{/entity.owner}}{{entity.owner.team}}{{> mine}}
      """
    let problems = warnings(
      ["entity.html": layout, "_partials/mine.html": "<p>\n  {{#scorecards}}{{checks.size}}{{/scorecards}}</p>"],
      layout: "entity.html", type: .entity)
    #expect(
      problems == """
        layouts/_partials/mine.html:2:18: warning: 'checks.size' is not a key of the entity page's model (EntityPage) here, so it renders as nothing [layout.unknown-key]
        layouts/entity.html:1:5: warning: 'entity.titel' is not a key of the entity page's model (EntityPage) here, so it renders as nothing; did you mean 'title'? [layout.unknown-key]
        layouts/entity.html:2:38: warning: 'colour' is not a key of the entity page's model (EntityPage) here, so it renders as nothing [layout.unknown-key]
        layouts/entity.html:2:74: warning: 'heading' is not a key of the entity page's model (EntityPage) here, so it renders as nothing [layout.unknown-key]
        layouts/entity.html:3:45: warning: 'entity.owner.team' is not a key of the entity page's model (EntityPage) here, so it renders as nothing [layout.unknown-key]

        """)
  }

  @Test func recursiveListsKeepTheirElementType() {
    let layout =
      "{{#docs.nav.items}}{{#items}}{{#items}}{{title}}{{open}}{{body}}{{/items}}{{/items}}{{/docs.nav.items}}"
    #expect(
      warnings(["docs.html": layout], layout: "docs.html", type: .docs)
        == "layouts/docs.html:1:57: warning: 'body' is not a key of the docs page's model (DocsPage) here, so it renders as nothing [layout.unknown-key]\n"
    )
  }

  /// The site's foot partial is included by every theme layout; its warning names each page type once.
  @Test func aBuildWarnsAboutTheSitesLayoutsOnly() async throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog,
      "layouts/component/entity.html": "<p>{{entity.title}} by {{entity.owner.title}}</p>\n<p>{{entity.summary}}</p>",
      "layouts/_partials/foot.html": "<footer>{{site.title}} {{site.year}}</footer>",
    ])
    let result = try await SiteBuilder().build(BuildOptions(root: root, asOf: .epoch, writesOutput: false))
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        layouts/_partials/foot.html:1:24: warning: 'site.year' is not a key of the models of the 404, catalog, entity, golden-paths, home, readiness, scorecards and search pages here, so it renders as nothing [layout.unknown-key]
        layouts/component/entity.html:2:4: warning: 'entity.summary' is not a key of the entity page's model (EntityPage) here, so it renders as nothing [layout.unknown-key]

        """)
  }
}

import Testing
import WaymarkModel

@Suite struct SitePathsDocsTests {
  @Test func relativeLinksInsideADocsSite() {
    #expect(SitePaths.docsRelative(fromSlug: "guides/setup/", to: "guides/deep-dive/") == "../deep-dive/")
    #expect(SitePaths.docsRelative(fromSlug: "", to: "guides/setup/") == "guides/setup/")
    #expect(SitePaths.docsRelative(fromSlug: "guides/setup/", to: "") == "../../")
    #expect(SitePaths.docsRelative(fromSlug: "guides/setup/", to: "img/flow.svg") == "../../img/flow.svg")
    #expect(SitePaths.docsRelative(fromSlug: "img/", to: "img/flow.svg") == "flow.svg")
    #expect(SitePaths.docsRelative(fromSlug: "a/", to: "a/") == "./")
  }

  @Test func docsPathsFollowBackstagesShape() {
    let ref = EntityRef(kind: "Component", namespace: "Ops", name: "Svc")
    #expect(SitePaths.docsSite(ref) == "docs/ops/component/svc/")
    #expect(SitePaths.docsJSON(ref) == "api/docs/ops/component/svc.json")
    #expect(SitePaths.docsFile(ref, path: "img/Flow Chart.PNG") == "docs/ops/component/svc/img/Flow_Chart.PNG")
    #expect(SitePaths.docsSegment("..") == "__")
  }
}

import Testing
import WaymarkRendering

/// How an entity's annotations become "View source", "Edit" and repository links.
@Suite struct EntityActionLinksTests {
  @Test func onlyAbsoluteHTTPURLsWithAHostAreLinks() {
    #expect(EntityActionLinks.httpURL(" https://github.com/acme/a ") == "https://github.com/acme/a")
    #expect(EntityActionLinks.httpURL("HTTP://example.com/x") == "HTTP://example.com/x")
    #expect(EntityActionLinks.httpURL("javascript:alert(1)") == nil)
    #expect(EntityActionLinks.httpURL("https:///no-host") == nil)
    #expect(EntityActionLinks.httpURL("//github.com/acme/a") == nil)
    #expect(EntityActionLinks.httpURL("https://a.example/x\"onmouseover=1") == nil)
    #expect(
      EntityActionLinks.urlTarget("url:https://github.com/acme/a/tree/main/") == "https://github.com/acme/a/tree/main/")
    #expect(EntityActionLinks.urlTarget("dir:.") == nil)
    #expect(EntityActionLinks.urlTarget("url:javascript:alert(1)") == nil)
  }

  @Test func editURLsOfGitHubAndGitLab() {
    #expect(
      EntityActionLinks.folderEditURL("https://github.com/acme/a/tree/main/services/api/", file: "catalog-info.yaml")
        == "https://github.com/acme/a/edit/main/services/api/catalog-info.yaml")
    #expect(
      EntityActionLinks.folderEditURL("https://gitlab.com/acme/b/-/tree/develop", file: "catalog-info.yaml")
        == "https://gitlab.com/acme/b/-/edit/develop/catalog-info.yaml")
    #expect(EntityActionLinks.folderEditURL("https://github.com/acme/a", file: "catalog-info.yaml") == nil)
    #expect(EntityActionLinks.folderEditURL("https://github.com/acme/a/tree/", file: "catalog-info.yaml") == nil)
    #expect(
      EntityActionLinks.fileEditURL("https://github.com/acme/a/blob/main/catalog-info.yaml")
        == "https://github.com/acme/a/edit/main/catalog-info.yaml")
  }

  @Test func repositoriesFromSlugsAndSourceLocations() {
    #expect(
      EntityActionLinks.slugURL("acme/a", host: "https://github.com/", segments: 2...2) == "https://github.com/acme/a")
    #expect(EntityActionLinks.slugURL("acme/a/b", host: "https://github.com/", segments: 2...2) == nil)
    #expect(EntityActionLinks.slugURL("../../evil", host: "https://github.com/", segments: 2...2) == nil)
    #expect(EntityActionLinks.slugURL("acme/a?x=1", host: "https://github.com/", segments: 2...2) == nil)
    #expect(
      EntityActionLinks.slugURL("acme/platform/billing", host: "https://gitlab.com/", segments: 2...20)
        == "https://gitlab.com/acme/platform/billing")
    #expect(EntityActionLinks.repositoryURL("https://gitlab.com/acme/b/-/tree/main/") == "https://gitlab.com/acme/b")
    #expect(EntityActionLinks.repositoryURL("https://github.com/acme/a/tree/main/x/") == "https://github.com/acme/a")
  }
}

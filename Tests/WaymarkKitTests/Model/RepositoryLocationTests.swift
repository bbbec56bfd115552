import Testing
import WaymarkModel

/// Repository identities from the URL shapes entities and results name them with, and templates.
@Suite struct RepositoryLocationTests {
  func parsed(_ text: String, patterns: [String] = []) -> String? {
    RepositoryLocation.parse(text, patterns: patterns.compactMap(RepositoryPattern.init)).map {
      "\($0.repository) [\($0.folder)]"
    }
  }

  @Test func hostShapesGiveTheRepositoryAndTheFolder() {
    #expect(parsed("url:https://github.com/acme/web/tree/main/") == "github.com/acme/web []")
    #expect(parsed("url:https://github.com/acme/mono/tree/main/services/api") == "github.com/acme/mono [services/api]")
    #expect(
      parsed("url:https://github.com/acme/mono/blob/main/services/api/catalog-info.yaml")
        == "github.com/acme/mono [services/api]")
    #expect(parsed("https://github.com/Acme/Web.git") == "github.com/acme/web []")
    #expect(
      parsed("url:https://gitlab.com/acme/platform/mono/-/tree/main/services/api")
        == "gitlab.com/acme/platform/mono [services/api]")
    #expect(parsed("https://bitbucket.org/acme/web/src/main/app/") == "bitbucket.org/acme/web [app]")
    #expect(parsed("https://git.acme.io/projects/SHOP/repos/cart/browse/src") == "git.acme.io/shop/cart [src]")
    #expect(
      parsed("https://dev.azure.com/acme/shop/_git/cart?path=/src/api&version=GBmain")
        == "dev.azure.com/acme/shop/cart [src/api]")
    #expect(parsed("https://acme.visualstudio.com/shop/_git/cart") == "acme.visualstudio.com/acme/shop/cart []")
    #expect(parsed("git@github.com:acme/web.git") == "github.com/acme/web []")
    #expect(parsed("dir:../web") == nil)
    #expect(parsed("https://github.com/acme") == nil)
  }

  @Test func aConfiguredPatternIsTriedFirst() {
    let pattern = "https://code.acme.internal/{org}/{repo}/files/{path}"
    #expect(
      parsed("url:https://code.acme.internal/shop/cart/files/src/api", patterns: [pattern]) == "shop/cart [src/api]")
  }

  @Test func checkoutRootsGiveTheRepositoryAndThePathInIt() throws {
    let actions = try #require(RepositoryPattern("/home/runner/work/{repo}/{repo}"))
    #expect(
      actions.match("/home/runner/work/web/web/src/App.js").map { "\($0.repository) \($0.path)" } == "web src/App.js")
    #expect(actions.match("/home/runner/work/web/other/src/App.js") == nil)
    let workspace = try #require(RepositoryPattern("/workspace/{org}/{repo}/"))
    #expect(
      workspace.match("/workspace/acme/payments/main.tf").map { "\($0.repository) \($0.path)" }
        == "acme/payments main.tf")
    #expect(RepositoryPattern("/workspace/{org}") == nil)
  }

  @Test func identitiesMatchOnWhatBothSidesKnow() throws {
    let full = try #require(RepositoryIdentity(host: "github.com", owner: "acme", name: "web"))
    #expect(full.matches(try #require(RepositoryIdentity(slug: "acme/web"))))
    #expect(full.matches(try #require(RepositoryIdentity(slug: "web"))))
    #expect(!full.matches(try #require(RepositoryIdentity(slug: "other/web"))))
    #expect(!full.matches(try #require(RepositoryIdentity(host: "gitlab.com", owner: "acme", name: "web"))))
  }
}

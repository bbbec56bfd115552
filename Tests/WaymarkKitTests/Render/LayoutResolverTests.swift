import Testing
import WaymarkRendering

/// The documented lookup order, as a table: (page, site layouts, theme layouts) → chosen file.
@Suite struct LayoutResolverTests {
  static let theme: Set<String> = ["home.html", "entity.html", "catalog.html", "404.html", "api/entity.html"]

  @Test func candidatesAreMostSpecificFirst() {
    #expect(
      LayoutResolver.candidates(for: PageDescriptor(kind: "entity", section: "component", layout: "wide"))
        == ["component/wide.html", "wide.html", "component/entity.html", "entity.html", "all.html"])
    #expect(LayoutResolver.candidates(for: PageDescriptor(kind: "home")) == ["home.html", "all.html"])
  }

  @Test(
    arguments: [
      (PageDescriptor(kind: "home"), Set<String>(), "theme:home.html"),
      (PageDescriptor(kind: "home"), ["home.html"], "site:home.html"),
      (PageDescriptor(kind: "entity", section: "component"), [], "theme:entity.html"),
      (PageDescriptor(kind: "entity", section: "api"), [], "theme:api/entity.html"),
      (PageDescriptor(kind: "entity", section: "api"), ["entity.html"], "theme:api/entity.html"),
      (PageDescriptor(kind: "entity", section: "api"), ["api/entity.html"], "site:api/entity.html"),
      (PageDescriptor(kind: "entity", section: "component"), ["component/entity.html"], "site:component/entity.html"),
      (PageDescriptor(kind: "entity", section: "component", layout: "wide"), ["wide.html"], "site:wide.html"),
      (
        PageDescriptor(kind: "entity", section: "component", layout: "wide"), ["wide.html", "component/wide.html"],
        "site:component/wide.html"
      ),
      (PageDescriptor(kind: "search"), ["all.html"], "site:all.html"),
    ] as [(PageDescriptor, Set<String>, String)])
  func resolves(page: PageDescriptor, site: Set<String>, expected: String) throws {
    let choice = try #require(LayoutResolver(sitePaths: site, themePaths: Self.theme).resolve(page))
    #expect("\(choice.origin.rawValue):\(choice.path)" == expected)
  }

  @Test func aMissingNamedLayoutIsDetected() {
    let resolver = LayoutResolver(sitePaths: [], themePaths: Self.theme)
    #expect(!resolver.namedLayoutExists(for: PageDescriptor(kind: "entity", section: "component", layout: "wide")))
    #expect(resolver.namedLayoutExists(for: PageDescriptor(kind: "entity", section: "component")))
    #expect(resolver.resolve(PageDescriptor(kind: "search")) == nil)
  }
}

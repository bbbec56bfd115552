import Foundation
import StructuredData
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite struct DocsSetBuilderTests {
  static let svc = EntityRef(kind: "Component", name: "svc")
  static let lib = EntityRef(kind: "Component", name: "lib")
  /// A component whose docs site is the repository root, and the config that reads only it.
  static let rootSiteCatalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: root, annotations: {backstage.io/techdocs-ref: "dir:."}}
    spec: {type: service, lifecycle: production, owner: me}

    """
  static let rootSiteConfig = "inputs: {catalog: [catalog-info.yaml]}\n"

  func docs(_ files: [String: String]) async throws -> (DocsSet, String) {
    let root = try SiteFixture.make(files)
    let config = SiteConfigLoader().load(root: root).config
    let finder = InputFinder(root: root, excludedFolders: [])
    let catalogPaths = finder.files(matching: config.catalogGlobs, in: finder.allFiles())
    let loaded = await CatalogLoader(root: root).load(paths: catalogPaths)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let docs = await DocsSetBuilder(root: root, config: config)
      .build(catalog: catalog, files: finder.allFiles())
    return (docs, DiagnosticFormat.text.format(DiagnosticList(docs.diagnostics)))
  }

  @Test func brokenLinksAreWarningsAtTheirExactPositions() async throws {
    let (_, problems) = try await docs(DocsFixture.files("docs-site"))
    #expect(
      problems == """
        content/docs/svc/docs/guides/setup.md:4:3: warning: link to 'missing.md' names no page or file in 'content/docs/svc/docs' [docs.broken-link]
        content/docs/svc/docs/guides/setup.md:4:33: warning: link to 'deep-dive.md#nope' points at an anchor '#nope' that no heading of the page has [docs.broken-link]
        content/docs/svc/docs/guides/setup.md:4:73: warning: link to '#nothing-here' points at an anchor '#nothing-here' that no heading of this page has [docs.broken-link]
        content/docs/svc/docs/guides/setup.md:5:10: warning: link to '../../../../catalog/a.yaml' points outside the docs folder 'content/docs/svc/docs' [docs.broken-link]
        content/docs/svc/docs/index.md:17:35: warning: link to 'javascript:alert(1)' is removed: docs may not run scripts or embed data [docs.unsafe-link]
        content/docs/svc/mkdocs.yml:8:14: warning: nav entry 'nowhere.md' names no page in the docs folder and is left out [docs.broken-link]

        """)
  }

  @Test func anOptionMakesBrokenLinksErrors() async throws {
    var files = DocsFixture.files("docs-site")
    files["waymark.yaml"] = "docs:\n  brokenLinksAreErrors: true\n"
    let (docs, _) = try await docs(files)
    let broken = docs.diagnostics.filter { $0.code == .docsBrokenLink }
    #expect(broken.count == 5)
    #expect(broken.allSatisfy { $0.severity == .error })
  }

  @Test func factsCountPagesBrokenLinksAndWords() async throws {
    let (docs, _) = try await docs(DocsFixture.files("docs-site"))
    #expect(docs.fact(for: Self.svc) == ["exists": true, "pages": 3, "brokenLinks": 5, "words": 56])
    #expect(docs.fact(for: Self.lib) == ["exists": true, "pages": 3, "brokenLinks": 0, "words": 29])
    #expect(
      docs.fact(for: EntityRef(kind: "Group", name: "team-a")) == [
        "exists": false, "pages": 0, "brokenLinks": 0, "words": 0,
      ])
  }

  @Test func withoutNavTheFileTreeIsTheNavigationAndAReadmeIsTheHomePage() async throws {
    let (docs, _) = try await docs(DocsFixture.files("docs-site"))
    let site = try #require(docs.site(for: Self.lib))
    #expect(site.name == "lib")
    #expect(site.pages.map(\.path) == ["changelog.md", "index.md", "reference/api.md"])
    #expect(
      site.pages.map(\.source) == [
        "content/docs/lib/docs/changelog.md", "content/docs/lib/README.md", "content/docs/lib/docs/reference/api.md",
      ])
    #expect(site.pages.map(\.slug) == ["changelog/", "", "reference/api/"])
    #expect(
      site.nav == [
        DocsNavItem(title: "Library", target: .page(1)), DocsNavItem(title: "Changelog", target: .page(0)),
        DocsNavItem(title: "Reference", target: .section([DocsNavItem(title: "API", target: .page(2))])),
      ])
    #expect(site.readingOrder == [1, 0, 2])
    // The README standing in for index.md is reachable under both names.
    #expect(site.pages[0].html.contains("<a href=\"../\">home page</a> and <a href=\"../\">its other name</a>"))
  }

  @Test func navFromMkDocsKeepsTitlesSectionsAndExternalLinks() async throws {
    let (docs, _) = try await docs(DocsFixture.files("docs-site"))
    let site = try #require(docs.site(for: Self.svc))
    #expect(site.pages.map(\.path) == ["guides/deep-dive.md", "guides/setup.md", "index.md"])
    #expect(
      site.nav == [
        DocsNavItem(title: "Home", target: .page(2)),
        DocsNavItem(
          title: "Guides",
          target: .section([
            DocsNavItem(title: "Setup", target: .page(1)), DocsNavItem(title: "Deep dive", target: .page(0)),
          ])),
        DocsNavItem(title: "Chat", target: .link("https://chat.example/svc")),
      ])
    #expect(site.pages[2].title == "Service home")
    #expect(site.pages[2].tags == ["intro", "ops"])
    #expect(site.pages[1].editURL == "https://git.example/acme/site/edit/main/content/docs/svc/docs/guides/setup.md")
    #expect(site.assets.map(\.path) == ["img/flow.svg"])
  }

  @Test func refsThatCannotBeFollowedAreLocated() async throws {
    let catalog = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: remote
        annotations: {backstage.io/techdocs-ref: "url:https://github.com/acme/remote"}
      spec: {type: service, lifecycle: production, owner: me}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: escape
        annotations: {backstage.io/techdocs-ref: "dir:../../../elsewhere"}
      spec: {type: service, lifecycle: production, owner: me}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: empty
        annotations: {backstage.io/techdocs-ref: "dir:nothing-here"}
      spec: {type: service, lifecycle: production, owner: me}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: odd
        annotations: {backstage.io/techdocs-ref: "git:somewhere"}
      spec: {type: service, lifecycle: production, owner: me}

      """
    let (docs, problems) = try await docs(["content/catalog/a.yaml": catalog])
    #expect(
      problems == """
        content/catalog/a.yaml:5:44: warning: 'backstage.io/techdocs-ref' names 'https://github.com/acme/remote', which is not in waymark.lock or its cache; run 'waymark fetch' to fetch it [docs.remote-ref]
        content/catalog/a.yaml:12:44: error: 'dir:../../../elsewhere' leaves the site root; docs must live inside it [docs.path-outside-root]
        content/catalog/a.yaml:19:44: error: 'backstage.io/techdocs-ref' names 'content/catalog/nothing-here', which has no markdown in 'content/catalog/nothing-here/docs/' and no README.md [docs.not-found]
        content/catalog/a.yaml:26:44: error: 'backstage.io/techdocs-ref' must start with 'dir:' or 'url:', not 'git:somewhere' [docs.bad-ref]

        """)
    #expect(docs.sites.map(\.entity.name) == ["empty"])
    #expect(docs.fact(for: EntityRef(kind: "Component", name: "empty"))["exists"] == false)
  }

  @Test func frontMatterProblemsAndDuplicatePagesAreReported() async throws {
    let (docs, problems) = try await docs([
      "catalog-info.yaml": Self.rootSiteCatalog, "waymark.yaml": Self.rootSiteConfig,
      "docs/index.md": "---\ntitle: [not, a, string]\ntags: x\n---\n# Home\n",
      "docs/README.md": "# Readme\n",
      "docs/a b.png": "png",
    ])
    #expect(
      problems == """
        docs/README.md: warning: 'README.md' and 'index.md' would both be the page '/'; 'README.md' is skipped [docs.duplicate-page]
        docs/index.md:2:8: warning: 'title' must be a string [docs.bad-front-matter]
        docs/index.md:3:7: warning: 'tags' must be a list of strings [docs.bad-front-matter]

        """)
    let site = try #require(docs.sites.first)
    #expect(site.folder == "")
    #expect(site.pages.map(\.title) == ["Home"])
    #expect(site.assets.map(\.path) == ["a b.png"])
  }

  @Test func anchorsAreMkDocsIdsSoLinksWrittenForMkDocsResolve() async throws {
    let (docs, problems) = try await docs([
      "catalog-info.yaml": Self.rootSiteCatalog, "waymark.yaml": Self.rootSiteConfig,
      "docs/index.md": """
      # Home

      ## a - b

      !!! note
          ## Setup

      ## Setup

      ## Café {: #cafe-menu }

      ## Café

      See [this](#a-b), [the repeat](#setup_1) and [the GitHub id](#a---b).

      """,
      "docs/other.md": "# Other\n\n[a](index.md#cafe-menu) [b](index.md#cafe) [c](index.md#setup-1)\n",
    ])
    #expect(
      problems == """
        docs/index.md:14:46: warning: link to '#a---b' points at an anchor '#a---b' that no heading of this page has [docs.broken-link]
        docs/other.md:3:44: warning: link to 'index.md#setup-1' points at an anchor '#setup-1' that no heading of the page has; did you mean '#setup_1'? [docs.broken-link]

        """)
    let home = try #require(docs.sites.first?.pages.first { $0.path == "index.md" })
    #expect(home.headings.map(\.anchor) == ["home", "a-b", "setup", "setup_1", "cafe-menu", "cafe"])
    #expect(home.html.contains("<h2 id=\"setup\">Setup</h2>\n</div>\n<h2 id=\"setup_1\">Setup</h2>"))
  }

  @Test func sitesReadOnceBuildFromMemoryAsFromTheirFiles() async throws {
    let files = DocsFixture.files("docs-site")
    let root = try SiteFixture.make(files)
    let config = SiteConfigLoader().load(root: root).config
    let finder = InputFinder(root: root, excludedFolders: [])
    let loadedCatalog = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: finder.allFiles()))
    let (catalog, _) = CatalogBuilder().build(loadedCatalog.documents)
    let builder = DocsSetBuilder(root: root, config: config)
    let whole = await builder.build(catalog: catalog, files: finder.allFiles())
    let (sites, readProblems) = await builder.load(catalog: catalog, files: finder.allFiles())
    let fromMemory = await builder.build(sites, diagnostics: readProblems)
    #expect(fromMemory.diagnostics == whole.diagnostics)
    #expect(fromMemory.sites.map { $0.pages.map(\.html) } == whole.sites.map { $0.pages.map(\.html) })

    // A page replaced in memory is rendered and checked as if its file held those bytes.
    var edited = sites
    let site = try #require(edited.firstIndex { $0.source.entity == Self.svc })
    let page = try #require(edited[site].pages.firstIndex { $0.path == "index.md" })
    let path = edited[site].pages[page].file.path
    edited[site].pages[page].file = SourceFile(
      path: path, bytes: Array("# Start\n\nSee [setup](guides/setup.md#nowhere).\n".utf8))
    let rebuilt = await builder.build(edited, diagnostics: [])
    let home = try #require(rebuilt.site(for: Self.svc)?.pages.first { $0.path == "index.md" })
    #expect(home.html == "<h1 id=\"start\">Start</h1>\n<p>See <a href=\"guides/setup/#nowhere\">setup</a>.</p>\n")
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(rebuilt.diagnostics.filter { $0.location?.path == path }))
        == "\(path):3:5: warning: link to 'guides/setup.md#nowhere' points at an anchor '#nowhere' that no heading of the page has [docs.broken-link]\n"
    )
  }
}

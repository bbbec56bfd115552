import Foundation
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// `--8<--` snippets through the docs stage: read by the loader from the docs site folder only,
/// expanded into the pages, and every snippet left out reported at its directive.
@Suite struct DocsSnippetTests {
  static let svc = EntityRef(kind: "Component", name: "svc")

  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      annotations:
        backstage.io/techdocs-ref: dir:../docs/svc
    spec: {type: service, lifecycle: production, owner: team-a}

    """

  static func site(_ files: [String: String], config: String = "site_name: Svc\n") -> [String: String] {
    var all = ["content/catalog/svc.yaml": catalog, "content/docs/svc/mkdocs.yml": config]
    for (path, text) in files { all["content/docs/svc/" + path] = text }
    return all
  }

  func docs(_ files: [String: String], prepare: (URL) throws -> Void = { _ in }) async throws -> (DocsSet, String) {
    let root = try SiteFixture.make(files)
    try prepare(root)
    let config = SiteConfigLoader().load(root: root).config
    let finder = InputFinder(root: root, excludedFolders: [])
    let catalogPaths = finder.files(matching: config.catalogGlobs, in: finder.allFiles())
    let loaded = await CatalogLoader(root: root).load(paths: catalogPaths)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: finder.allFiles())
    return (docs, DiagnosticFormat.text.format(DiagnosticList(docs.diagnostics)))
  }

  func page(_ docs: DocsSet, _ path: String = "index.md") throws -> String {
    try #require(docs.site(for: Self.svc)?.pages.first { $0.path == path }).html
  }

  @Test func includesFilesRangesAndSectionsFromTheSiteFolder() async throws {
    let (docs, problems) = try await docs(
      Self.site([
        "docs/index.md": """
        # Home

        --8<-- "shared/note.md"

        ```python
        --8<-- "src/app.py:setup"
        ```

        --8<-- "shared/note.md:4:4"

        """,
        "shared/note.md": "!!! note \"Shared\"\n    From a snippet.\n\nThird line.\n",
        "src/app.py": "# --8<-- [start:setup]\ndef setup():\n    pass\n# --8<-- [end:setup]\n",
      ]))
    #expect(problems == "")
    #expect(
      try page(docs) == """
        <h1 id="home">Home</h1>
        <div class="admonition note">
        <p class="admonition-title">Shared</p>
        <p>From a snippet.</p>
        </div>
        <p>Third line.</p>
        <div class="language-python highlight"><pre><span></span><code><span class="hl-k">def</span> setup():
            <span class="hl-k">pass</span>
        </code></pre></div>
        <p>Third line.</p>

        """)
    #expect(docs.files.map(\.path).sorted().contains("content/docs/svc/src/app.py"))
  }

  @Test func reportsEverySnippetLeftOutAtItsDirective() async throws {
    let (_, problems) = try await docs(
      Self.site([
        "docs/index.md": """
        # Home

        --8<-- "missing.md"
          --8<-- "../../catalog/svc.yaml"
        --8<-- "/etc/passwd"
        --8<-- ".env"
        --8<-- "https://example.com/x.md"
        --8<-- "loop.md"
        --8<-- "loop.md:nope"
        --8<--
        missing-in-block.md

        """,
        "loop.md": "start\n--8<-- \"loop.md\"\n",
        ".env": "TOKEN=1\n",
      ]))
    #expect(
      problems == """
        content/docs/svc/docs/index.md:3:1: warning: the snippet 'missing.md' is not included: there is no file 'content/docs/svc/missing.md' in the docs site [docs.snippet-missing]
        content/docs/svc/docs/index.md:4:3: warning: the snippet '../../catalog/svc.yaml' is not included: it leads outside the docs site folder 'content/docs/svc' [docs.snippet-outside-site]
        content/docs/svc/docs/index.md:5:1: warning: the snippet '/etc/passwd' is not included: an absolute path leads outside the docs site [docs.snippet-outside-site]
        content/docs/svc/docs/index.md:6:1: warning: the snippet '.env' is not included: 'content/docs/svc/.env' is hidden, and hidden files are never read [docs.snippet-outside-site]
        content/docs/svc/docs/index.md:7:1: warning: the snippet 'https://example.com/x.md' is not included: snippets are read from the docs site's files; URLs are not downloaded [docs.snippet-missing]
        content/docs/svc/docs/index.md:9:1: warning: the snippet 'loop.md' has no section 'nope' [docs.snippet-missing]
        content/docs/svc/docs/index.md:10:1: warning: this '--8<--' block is never closed, so every line after it is read as a file name [docs.snippet-missing]
        content/docs/svc/loop.md:2:1: warning: the snippet 'content/docs/svc/loop.md' includes itself ('content/docs/svc/loop.md' → 'content/docs/svc/loop.md'); it is not included again [docs.snippet-loop]

        """)
  }

  @Test func refusesALinkLeadingOutOfTheSiteFolder() async throws {
    let (docs, problems) = try await docs(
      Self.site(["docs/index.md": "# Home\n\n--8<-- \"linked.md\"\n"]).merging(["content/secret.md": "secret\n"]) {
        $1
      }
    ) { root in
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("content/docs/svc/linked.md").path, withDestinationPath: "../../secret.md")
    }
    #expect(
      problems == """
        content/docs/svc/docs/index.md:3:1: warning: the snippet 'linked.md' is not included: 'content/docs/svc/linked.md': a symbolic link leads outside the docs site; it is not read [docs.snippet-outside-site]

        """)
    #expect(try !page(docs).contains("secret"))
  }

  @Test func aSnippetFileThatIsNotUTF8IsReportedOnceAtItsFirstBadByte() async throws {
    let (docs, problems) = try await docs(
      Self.site([
        "docs/index.md": "# Home\n\n--8<-- \"shared/legacy.md\"\n",
        "docs/other.md": "# Other\n\n--8<-- \"shared/legacy.md\"\n",
        "shared/clean.md": "Clean.\n",
      ])
    ) { root in
      // "Caf" and Latin-1's é (0xE9), then a NUL byte on the next line.
      try Data([0x43, 0x61, 0x66, 0xE9, 0x0A, 0x00, 0x0A]).write(
        to: root.appendingPathComponent("content/docs/svc/shared/legacy.md"))
    }
    #expect(
      problems == """
        content/docs/svc/shared/legacy.md:1:4: warning: the snippet is not valid UTF-8 (1 byte that no character can start or continue), shown as U+FFFD where it is included [docs.snippet-bad-encoding]
        content/docs/svc/shared/legacy.md:2:1: warning: the snippet holds 1 NUL byte (U+0000), shown as U+FFFD where it is included [docs.snippet-bad-encoding]

        """)
    #expect(try page(docs).contains("<p>Caf\u{FFFD}\n\u{FFFD}</p>"))
  }

  @Test func readsBasePathCheckPathsAndAutoAppendFromMkDocsYAML() async throws {
    let config = """
      site_name: Svc
      markdown_extensions:
        - toc:
            permalink: true
        - pymdownx.snippets:
            base_path: [".", "includes"]
            check_paths: true
            auto_append: ["includes/glossary.md"]

      """
    let (docs, problems) = try await docs(
      Self.site(
        [
          "docs/index.md": "# Home\n\nThe API is stable.\n\n--8<-- \"tip.md\"\n--8<-- \"nope.md\"\n",
          "includes/tip.md": "A tip.\n",
          "includes/glossary.md": "*[API]: Application programming interface\n",
        ], config: config))
    #expect(
      problems == """
        content/docs/svc/docs/index.md:6:1: error: the snippet 'nope.md' is not included: there is no file 'content/docs/svc/nope.md' in the docs site [docs.snippet-missing]

        """)
    #expect(
      try page(docs) == """
        <h1 id="home">Home</h1>
        <p>The <abbr title="Application programming interface">API</abbr> is stable.</p>
        <p>A tip.</p>

        """)
  }

  @Test func aBasePathOutsideTheSiteIsABadConfig() async throws {
    let config = "site_name: Svc\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: ../shared\n"
    let (_, problems) = try await docs(Self.site(["docs/index.md": "# Home\n"], config: config))
    #expect(
      problems == """
        content/docs/svc/mkdocs.yml:4:18: error: 'pymdownx.snippets' 'base_path' must be a folder inside the docs site, not '../shared' [docs.bad-config]

        """)
  }

  @Test func aBrokenLinkInASnippetIsReportedInTheSnippet() async throws {
    let (_, problems) = try await docs(
      Self.site([
        "docs/index.md": "# Home\n\n- item\n\n    --8<-- \"shared/links.md\"\n",
        "shared/links.md": "Intro.\n\nSee [setup](setup.md) and [home](index.md).\n",
      ]))
    #expect(
      problems == """
        content/docs/svc/shared/links.md:3:5: warning: link to 'setup.md' names no page or file in 'content/docs/svc/docs' [docs.broken-link]

        """)
  }
}

import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel

@Suite struct MkDocsConfigLoaderTests {
  func parse(_ text: String) -> (MkDocsConfig, String) {
    let (config, diagnostics) = MkDocsConfigLoader().parse(SourceFile(path: "mkdocs.yml", bytes: Array(text.utf8)))
    return (config, DiagnosticFormat.text.format(DiagnosticList(diagnostics)))
  }

  @Test func readsMonorepoIncludesTaggedAndQuoted() {
    let (config, problems) = parse(
      """
      site_name: Monorepo
      nav:
        - Home: index.md
        - Payments: !include ./payments/mkdocs.yml
        - Ledger: '!include ./ledger/mkdocs.yml'

      """)
    #expect(problems == "")
    #expect(
      config.nav == [
        .init(title: "Home", target: .path("index.md"), position: SourcePosition(line: 3, column: 11)),
        .init(
          title: "Payments", target: .include("./payments/mkdocs.yml"), position: SourcePosition(line: 4, column: 15)),
        .init(title: "Ledger", target: .include("./ledger/mkdocs.yml"), position: SourcePosition(line: 5, column: 13)),
      ])
  }

  @Test func readsNestedNavWithPositionsAndIgnoresPythonTags() {
    let (config, problems) = parse(
      """
      site_name: Docs
      docs_dir: source
      nav:
        - index.md
        - Guides:
            - Setup: guides/setup.md
        - Issues: https://example.com/issues
      markdown_extensions:
        - pymdownx.emoji:
            emoji_index: !!python/name:material.extensions.emoji.twemoji

      """)
    #expect(problems == "")
    #expect(config.siteName == "Docs")
    #expect(config.docsDirectory == "source")
    #expect(
      config.nav == [
        .init(title: nil, target: .path("index.md"), position: SourcePosition(line: 4, column: 5)),
        .init(
          title: "Guides",
          target: .section([
            .init(title: "Setup", target: .path("guides/setup.md"), position: SourcePosition(line: 6, column: 16))
          ]),
          position: SourcePosition(line: 5, column: 5)),
        .init(
          title: "Issues", target: .path("https://example.com/issues"), position: SourcePosition(line: 7, column: 13)),
      ])
  }

  @Test func rejectsADocsFolderOutsideTheSiteAndMalformedNav() {
    let (config, problems) = parse("docs_dir: ../../etc\nnav:\n  - [a, b]\n")
    #expect(config.docsDirectory == "docs")
    #expect(
      problems == """
        mkdocs.yml:1:11: error: 'docs_dir' must be a folder inside the docs site, not '../../etc' [docs.bad-config]
        mkdocs.yml:3:5: error: a 'nav' entry must be a path or a single 'Title: path' (or 'Title: [entries]') pair [docs.bad-config]

        """)
  }
}

import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel

@Suite struct SiteConfigDocsTests {
  func parse(_ text: String) -> (SiteConfig, String) {
    let (config, diagnostics) = SiteConfigLoader().parse(SourceFile(path: "waymark.yaml", bytes: Array(text.utf8)))
    return (config, DiagnosticFormat.text.format(DiagnosticList(diagnostics)))
  }

  @Test func docsOptionsAreOffByDefault() {
    let (config, _) = parse("")
    #expect(!config.docsUnsafeHTML)
    #expect(!config.docsBrokenLinksAreErrors)
  }

  @Test func readsTheDocsOptions() {
    let (config, problems) = parse("docs:\n  unsafeHTML: true\n  brokenLinksAreErrors: True\n")
    #expect(problems == "")
    #expect(config.docsUnsafeHTML)
    #expect(config.docsBrokenLinksAreErrors)
  }

  @Test func docsOptionsMustBeBooleans() {
    let (config, problems) = parse("docs:\n  unsafeHTML: \"yes\"\n  brokenLinks: true\n")
    #expect(!config.docsUnsafeHTML)
    #expect(
      problems == """
        waymark.yaml:2:15: error: 'docs.unsafeHTML' must be true or false, found a scalar [config.wrong-type]
        waymark.yaml:3:3: error: unknown key 'docs.brokenLinks' [config.unknown-key]

        """)
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Markdown that would make cmark-gfm use far more memory or time than its size (issue 19, item
/// 10) ends in a located `docs.too-complex` error and is never handed to it.
@Suite struct DocsPageComplexityTests {
  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: me}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      annotations: {backstage.io/techdocs-ref: "dir:../docs/svc"}
    spec: {type: service, lifecycle: production, owner: me}

    """

  func build(_ page: String) async throws -> BuildResult {
    try await DocsFixture.build([
      "content/catalog/c.yaml": Self.catalog, "content/docs/svc/mkdocs.yml": "site_name: Svc\n",
      "content/docs/svc/docs/index.md": page,
    ])
  }

  @Test func anAmplifyingTableIsAnErrorAtItsHeaderAndShownAsText() async throws {
    // 4 KB: 700 columns that cmark-gfm pads 700 rows to (160 MB and 1.7 s before the check).
    let table =
      "|" + String(repeating: "a|", count: 700) + "\n|" + String(repeating: "-|", count: 700) + "\n"
      + String(repeating: "a\n", count: 700)
    let result = try await build("---\ntitle: Wide\n---\n# Wide\n\n" + table)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics)
        == "content/docs/svc/docs/index.md:6:1: error: a table of 700 columns × 72 rows or more (50400 cells; the limit is "
        + "50000) would take too much memory or time to render; the page is not rendered [docs.too-complex]\n")
    #expect(!result.published)
    let page = try #require(DocsFixture.text(result, "docs/default/component/svc/index.html"))
    #expect(page.contains("<pre>\n\n\n# Wide\n\n|a|a|a|"))
    #expect(!page.contains("<table"))
  }

  @Test func openImageBracketsAreAnErrorAtTheirParagraph() async throws {
    // 60 KB of `![[]()` took 2.6 s in cmark-gfm before the check.
    let result = try await build("# Brackets\n\nfine\n\n" + String(repeating: "![[]()", count: 10_000) + "\n")
    #expect(
      DiagnosticFormat.text.format(result.diagnostics)
        == "content/docs/svc/docs/index.md:5:1: error: links and images nested or left open so deeply that matching "
        + "their brackets takes more than 1000000 steps would take too much memory or time to render; the page is not "
        + "rendered [docs.too-complex]\n")
  }
}

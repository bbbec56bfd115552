import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

/// The hostile fixture site (`Tests/Fixtures/xss`, every free-text field an HTML or script
/// payload) builds without errors and every page's markup holds only the theme's own tags: no
/// event-handler attribute, no script URL, no script but the theme's files. `Tests/Browser`
/// opens the same site in Chromium; this is the same guard without a browser.
@Suite struct EscapingTests {
  static let fixture = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/xss")

  @Test func payloadsNeverBecomeMarkup() async throws {
    let result = try await SiteBuilder().build(BuildOptions(root: Self.fixture, writesOutput: false))
    // Only the docs links dropped as unsafe (3) and the one policy result no entity claims.
    #expect(result.diagnostics.errorCount == 0)
    #expect(result.diagnostics.warningCount == 4)
    let pages = result.files.filter { $0.path.hasSuffix(".html") }
    #expect(pages.count == 22)
    var problems: [String] = []
    for page in pages {
      let html = String(decoding: page.bytes, as: UTF8.self)
      for tag in html.matches(of: #/<[a-zA-Z][^>]*>/#) {
        let text = String(tag.output)
        let names = text.replacing(#/"[^"]*"/#, with: "\"\"")  // attribute names only
        if names.contains(#/\son[a-zA-Z]+\s*=/#)
          || text.contains(#/(?i)(href|src)\s*=\s*"\s*(javascript|vbscript|data):/#)
        {
          problems.append("\(page.path): \(text)")
        }
        if text.contains(#/^<(?i)(script|iframe|object|embed|base|frame)\b/#),
          !text.contains(#/^<script src="(\.\./)*assets/(catalog|search)\.js" defer>$/#)
        {
          problems.append("\(page.path): \(text)")
        }
      }
    }
    #expect(problems == [])
  }
}

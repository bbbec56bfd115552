import Foundation
import Testing
import WaymarkModel

@testable import WaymarkServe

@Suite struct ReloadInjectorTests {
  let script = "<script src=\"/.waymark/reload.js\" data-generation=\"s-3\"></script>"

  func injected(_ html: String, _ status: PreviewStatus) -> String {
    String(decoding: ReloadInjector.inject(into: Data(html.utf8), status: status), as: UTF8.self)
  }

  @Test func theScriptGoesBeforeTheLastClosingBody() {
    let status = PreviewStatus(generation: "s-3")
    #expect(
      injected("<html><body><p>a</p></body></html>\n", status)
        == "<html><body><p>a</p>\(script)</body></html>\n")
    // Case-insensitive, and the last one counts (a `</body>` inside a code sample comes earlier).
    #expect(
      injected("<BODY><code>&lt;/body&gt;</code><pre></body></pre></BoDy >", status)
        == "<BODY><code>&lt;/body&gt;</code><pre></body></pre>\(script)</BoDy >")
  }

  @Test func aPageWithoutABodyGetsTheScriptAppended() {
    #expect(injected("<p>fragment</p>", PreviewStatus(generation: "s-3")) == "<p>fragment</p>\(script)")
    #expect(injected("", PreviewStatus(generation: "s-3")) == script)
  }

  @Test func theOverlayIsAddedOnlyAfterAFailedBuild() {
    var status = PreviewStatus(generation: "s-3")
    status.built = true
    #expect(!injected("<body></body>", status).contains(DiagnosticsOverlay.elementID))
    status.errors = [
      .error(.catalogDanglingRef, "no such group", at: SourceLocation(path: "a.yaml", line: 3, column: 7))
    ]
    let page = injected("<body></body>", status)
    #expect(page.hasPrefix("<body><div id=\"waymark-serve-errors\" role=\"alert\""))
    #expect(page.hasSuffix("</div>\(script)</body>"))
    #expect(
      page.contains("<strong class=\"location\">a.yaml:3:7</strong>: error: no such group [catalog.dangling-ref]"))
  }

  @Test func theGenerationIsEscaped() {
    #expect(
      ReloadInjector.scriptTag(generation: "\"><script>x</script>")
        == "<script src=\"/.waymark/reload.js\" data-generation=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"></script>")
  }
}

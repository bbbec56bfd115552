import Testing
import WaymarkModel

@testable import WaymarkServe

/// Locations, messages and notes come from the inputs: every one is escaped.
@Suite struct DiagnosticsOverlayTests {
  func failed(_ errors: [Diagnostic], warnings: Int = 0) -> PreviewStatus {
    var status = PreviewStatus(generation: "g-1")
    status.built = true
    status.errors = errors
    status.warningCount = warnings
    return status
  }

  @Test func aDiagnosticIsItsTerminalLineEscaped() {
    var diagnostic = Diagnostic.error(
      .catalogDanglingRef, "owner 'group:<img src=x onerror=alert(1)>' & \"more\" is not in the catalog",
      at: SourceLocation(path: "content/<b>evil</b>'.yaml", line: 12, column: 9))
    diagnostic.notes = [DiagnosticNote("did you mean </li><script>?", at: SourceLocation(path: "x&y.yaml", line: 1))]
    #expect(
      DiagnosticsOverlay.item(diagnostic)
        == "<li style=\"white-space:pre-wrap;margin:2px 0\"><strong class=\"location\">"
        + "content/&lt;b&gt;evil&lt;/b&gt;&#39;.yaml:12:9</strong>: error: owner &#39;group:&lt;img src=x "
        + "onerror=alert(1)&gt;&#39; &amp; &quot;more&quot; is not in the catalog [catalog.dangling-ref]"
        + "\n  x&amp;y.yaml:1: note: did you mean &lt;/li&gt;&lt;script&gt;?</li>")
  }

  @Test func controlCharactersAndBidiOverridesAreShownAsEscapes() {
    let diagnostic = Diagnostic.error(
      .catalogDanglingRef, "line\nbreak \u{1B}[31m and \u{202E}reversed", at: SourceLocation(path: "a\u{202E}b.yaml"))
    #expect(
      DiagnosticsOverlay.item(diagnostic)
        == "<li style=\"white-space:pre-wrap;margin:2px 0\"><strong class=\"location\">a\\u{202E}b.yaml</strong>: "
        + "error: line\\nbreak \\u{1B}[31m and \\u{202E}reversed [catalog.dangling-ref]</li>")
  }

  @Test func theHeadingCountsErrorsAndWarnings() {
    let one = Diagnostic.error(.catalogDanglingRef, "m", at: SourceLocation(path: "a.yaml", line: 1, column: 1))
    #expect(
      DiagnosticsOverlay.body(for: failed([one], warnings: 2)).hasPrefix(
        "<p style=\"margin:0 0 8px;font-weight:bold\">waymark serve: the latest build failed with 1 error and 2 "
          + "warnings; pages show the last good build until it is fixed.</p>"))
    var status = failed([])
    status.failure = "cannot write <output>"
    #expect(DiagnosticsOverlay.body(for: status).contains("<li>error: cannot write &lt;output&gt;</li>"))
    #expect(DiagnosticsOverlay.body(for: status).contains("failed with 1 error;"))
  }

  @Test func longListsAreCut() {
    let errors = (1...130).map {
      Diagnostic.error(.catalogDanglingRef, "m\($0)", at: SourceLocation(path: "a.yaml", line: $0, column: 1))
    }
    let body = DiagnosticsOverlay.body(for: failed(errors))
    #expect(body.components(separatedBy: "<li ").count - 1 == 100)
    #expect(body.hasSuffix("<p style=\"margin:8px 0 0\">and 30 more errors: see the terminal.</p>"))
  }

  @Test func nothingIsShownAfterAGoodBuild() {
    #expect(DiagnosticsOverlay.fragment(for: failed([])) == "")
    let page = DiagnosticsOverlay.page(for: failed([]), title: "waymark serve: diagnostics")
    #expect(page.contains("<p>The latest build has no errors.</p>"))
    #expect(page.contains("<script src=\"/.waymark/reload.js\" data-generation=\"g-1\"></script>"))
  }
}

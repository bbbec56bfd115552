import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The built demo portal holds nothing a browser would run but the theme's own scripts, and no
/// catalog string unescaped (the hostile cases' outputs are scanned in `HostileInputTests`).
@Suite struct InertOutputTests {
  @Test func theDemoPortalIsInert() async throws {
    let output = try TestPaths.temporaryDirectory("inert-demo")
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try await SiteBuilder().build(
      BuildOptions(root: TestPaths.repositoryRoot, output: output, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z")))
    #expect(result.published)
    let strings = InertOutputScanner.catalogStrings(inSite: output)
    #expect(!strings.isEmpty, "the demo's catalog has strings with <, & or \" to check")
    let findings = InertOutputScanner(mustBeEscaped: strings).scan(folder: output)
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    let pages = InertOutputScanner.files(in: output).keys.filter { $0.hasSuffix(".html") }
    #expect(pages.count > 50)
  }

  /// The scanner must find each kind of active content, or the scans above prove nothing.
  @Test func theScannerFindsEveryKindOfActiveContent() {
    let scanner = InertOutputScanner(mustBeEscaped: ["A & B <x>"])
    let page = """
      <html><head><script src="../assets/search.js" defer></script><script src="https://cdn.example/x.js"></script>
      <script>alert(1)</script><base href="https://evil.example/"></head>
      <body onload="x()"><a href="javascript:alert(1)">a</a><a href=" JaVa&#x53;cript&colon;alert(1)">b</a>
      <a href="vbscript:x">c</a><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="data:image/png;base64,AAAA">
      <iframe src="x"></iframe><object data="x"></object><embed src="x"><meta http-equiv="Refresh" content="0;url=x">
      <svg><a xlink:href="javascript:x"><circle/></a><foreignObject></foreignObject></svg>
      <!-- <script>ignored in a comment</script> --><p>&lt;script&gt; text is fine</p><p>A & B <x></p>
      <style>a[onclick] { color: red }</style><div data-x="javascript: is only text here"></div>
      </body></html>
      """
    let found = scanner.scan(page, path: "p.html").map(\.what)
    #expect(
      found == [
        "unescaped catalog string \"A & B <x>\"",
        "<script src=https://cdn.example/x.js> is not one of the theme's",
        "inline <script>",
        "<base> element",
        "inline event handler 'onload' on <body>",
        "script URL in href of <a>",
        "script URL in href of <a>",
        "script URL in href of <a>",
        "data: URL in src of <img>",
        "<iframe> element",
        "<object> element",
        "<embed> element",
        "meta refresh",
        "script URL in xlink:href of <a>",
        "<foreignobject> element",
      ])
  }
}

import Testing
import WaymarkKit
import WaymarkRendering

/// The views of an output file the rendered-output scan reads: decoded copies are made only when
/// something decodes, and a token hidden by an escape is found wherever the escape is.
/// Credential-shaped values are assembled from parts so that no scanner flags this repository.
@Suite struct RenderedSecretScanViewsTests {
  static let body = String(repeating: "aB3", count: 12)

  static func views(_ path: String, _ text: String) -> [String] {
    RenderedSecretScan.views(of: OutputFile(path: path, text: text)).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func aFileWithNothingToDecodeHasNoDecodedView() {
    #expect(Self.views("a.json", #"{"a": "b & c \\n \u00zz &#xzz; &nbsp;"}"#).count == 2)
    #expect(
      Self.views("a/b.html", "<p class=\"x\">a &amp b</p>\n") == [
        "a/b.html", "<p class=\"x\">a &amp b</p>\n", "a &amp b\n",
      ])
  }

  @Test func decodesReferencesAndEscapesAnywhereInTheFile() {
    let text = "&#95;x\\u005f&lowbar;y&#x5F;"
    #expect(Self.views("a.json", text) == ["a.json", text, "_x__y_"])
    let svg = "<t>&lt;</t\n>\\u003c"
    #expect(Self.views("a.svg", svg) == ["a.svg", svg, "<t><</t\n><", "<\n<"])
  }

  @Test func keepsTextAroundTagsAsTheTaglessViewDid() {
    // Newlines inside tags stay; a `>` outside a tag is text; an unclosed tag runs to the end.
    let text = "a>b<c\nd>e<<f>g\n<h\ni"
    #expect(Self.views("x.html", text).last == "a>b\neg\n\n")
  }

  @Test func findsATokenSpanningAnEscapeAtEitherEndOfAFile() {
    let scan = RenderedSecretScan(judged: [], outputFolder: "output")
    let texts = [
      "gh" + "p\\u005f" + Self.body, "gh" + "p&#95;" + Self.body, "x: gh" + "p&lowbar;" + Self.body,
      "<b>gh</b>p_" + Self.body + "</i>",
    ]
    for (number, text) in texts.enumerated() {
      let findings = scan.findings(in: OutputFile(path: "f\(number).html", text: text), judged: [])
      #expect(findings.map(\.key) == ["gh" + "p_" + Self.body], "\(text)")
      #expect(findings.first?.match.offset == (number == 2 ? 3 : 0))
    }
  }
}

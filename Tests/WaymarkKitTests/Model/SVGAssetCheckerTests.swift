import Testing
import WaymarkDocs

@Suite struct SVGAssetCheckerTests {
  static let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"

  func refusal(_ text: String) -> SVGAssetChecker.Refusal? {
    SVGAssetChecker().refusal(for: Array(text.utf8))
  }

  @Test func plainDrawingsArePublished() {
    let drawing = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 640 220" role="img">
      <title>Flow</title>
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
      <style>rect { fill: url(#grad); }</style>
      <rect width="640" height="220" fill="#f6f8fa" style="stroke: url('#grad')"/>
      <line x1="150" y1="110" x2="240" y2="110" stroke="#57606a" marker-end="url(#arrow)"/>
      <use xlink:href="#arrow"/><text x="85" y="115" text-anchor="middle">a &amp; b</text>
      </svg>
      """
    #expect(refusal(drawing) == nil)
  }

  @Test func scriptAndEverythingThatCanLeadToItIsRefusedWithTheLine() {
    let cases: [(String, SVGAssetChecker.Refusal)] = [
      (Self.head + "\n<script>alert(1)</script></svg>", .init(reason: "an element 'script'", line: 2)),
      (Self.head + "<rect onload=\"alert(1)\"/></svg>", .init(reason: "an attribute 'onload' on 'rect'", line: 1)),
      (Self.head + "<foreignObject/></svg>", .init(reason: "an element 'foreignObject'", line: 1)),
      (
        Self.head + "<a xlink:href=\"&#x000000006A;avascript:alert(1)\"><rect/></a></svg>",
        .init(reason: "an element 'a'", line: 1)
      ),
      (
        Self.head + "<use xlink:href=\"other.svg#x\"/></svg>",
        .init(reason: "an 'xlink:href' on 'use' that is not a '#fragment'", line: 1)
      ),
      (
        Self.head + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
        .init(reason: "an element 'set'", line: 1)
      ),
      (
        "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n" + Self.head + "</svg>",
        .init(reason: "a processing instruction '<?xml-stylesheet'", line: 2)
      ),
      (
        "<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script>\">]>" + Self.head + "&x;</svg>",
        .init(reason: "it has a DOCTYPE (entities can expand to markup)", line: 0)
      ),
      (
        "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>" + Self.head + "</svg>",
        .init(reason: "it declares an encoding other than UTF-8", line: 0)
      ),
      (
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>",
        .init(reason: "its root element is 'html', not 'svg'", line: 1)
      ),
      (Self.head + "<rect/>", .init(reason: "it is not well-formed XML", line: 1)),
      (Self.head + "</svg><script>alert(1)</script>", .init(reason: "it is not well-formed XML", line: 1)),
      (Self.head + "<rect></svg>", .init(reason: "it is not well-formed XML", line: 1)),
      (
        Self.head + "<style>@import 'x.css';</style></svg>",
        .init(reason: "an '@import' in a 'style' element", line: 1)
      ),
      (
        Self.head + "<rect fill=\"url(https://x.example/p.svg#a)\"/></svg>",
        .init(reason: "a 'url(…)' that is not a '#fragment' in 'fill' on 'rect'", line: 1)
      ),
    ]
    for (text, expected) in cases {
      #expect(refusal(text) == expected, "\(text)")
    }
  }

  @Test func encodingsABrowserCouldReadDifferentlyAreRefused() {
    let units = (Self.head + "</svg>").utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let utf16: [UInt8] = [0xFF, 0xFE] + units
    #expect(
      SVGAssetChecker().refusal(for: utf16) == .init(reason: "it is not UTF-8 (a UTF-16 byte-order mark)", line: 0))
    #expect(
      SVGAssetChecker().refusal(for: Array(Self.head.utf8) + [0xC0, 0xBC] + Array("</svg>".utf8))
        == .init(reason: "it is not valid UTF-8", line: 0))
  }
}

import Testing
import WaymarkLoading

@Suite struct PolicyReportParserTests {
  @Test func aBannerIsCommentedOutLineForLine() {
    let text = "Applying 1 policy rule(s)...\n  POLICY REPORT:  \n-----\nkind: PolicyReport\n"
    #expect(
      String(decoding: PolicyReportParser.strippingBanner(Array(text.utf8)), as: UTF8.self)
        == "# Applying 1 policy rule(s)...\n#   POLICY REPORT:  \n# -----\nkind: PolicyReport\n")
  }

  @Test func withoutTheMarkerTheBytesAreLeftAlone() {
    for text in ["kind: PolicyReport\nresults: []\n", "", "POLICY REPORT", "x: POLICY REPORT:\n", "POLICY REPORT:x\n"] {
      let bytes = Array(text.utf8) + [0xFF]
      #expect(PolicyReportParser.strippingBanner(bytes) == bytes)
    }
  }

  @Test func theMarkerIsFoundAnywhereInTheBytes() {
    let marker = PolicyReportParser.bannerMarker
    #expect(PolicyReportParser.contains(marker, marker))
    #expect(PolicyReportParser.contains(Array("PPOLICY REPORT:".utf8), marker))
    #expect(PolicyReportParser.contains(Array("a\nPOLICY REPORT:\n".utf8), marker))
    #expect(!PolicyReportParser.contains(Array("POLICY REPORT".utf8), marker))
    #expect(!PolicyReportParser.contains(Array("POLICY REPORT;POLICY REPORT".utf8), marker))
    #expect(!PolicyReportParser.contains([], marker))
  }
}

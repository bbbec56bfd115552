import Testing

@testable import WaymarkKit

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
}

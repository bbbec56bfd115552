import Foundation
import Testing
import WaymarkTestSupport

/// `readiness.csv` is opened in spreadsheets: names from policies must not start formulas or new rows.
@Suite struct ReadinessCSVTests {
  @Test func aBareCarriageReturnAndALeadingTabAreQuotedAndDefused() async throws {
    // A scorecard name with a bare CR (an unquoted CR starts a new row in Excel, whose first
    // cell is then a formula) and a check id starting with a tab before '='.
    let hostile = ScorecardFixture.scorecard
      .replacingOccurrences(
        of: "metadata: {name: ready, title: Ready}",
        with: "metadata: {name: \"ready\\r=cmd|' /C calc'!A0\", title: Ready}"
      )
      .replacingOccurrences(of: "{id: never,", with: "{id: \"\\t=1+2\",")
      .replacingOccurrences(of: "{id: paged,", with: "{id: \"a,\\nb\",")
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/ready.yaml": hostile]))
    let csv = try #require(result.files.first { $0.path == "readiness/readiness.csv" })
    #expect(
      String(decoding: csv.bytes, as: UTF8.self)
        == "entity,scorecard,level,score,failing_checks\n"
        + "component:default/bad,\"ready\r=cmd|' /C calc'!A0\",none,0.2,\"described a,\nb \t=1+2\"\n"
        + "component:default/good,\"ready\r=cmd|' /C calc'!A0\",silver,0.8,\"'\t=1+2\"\n")
  }
}

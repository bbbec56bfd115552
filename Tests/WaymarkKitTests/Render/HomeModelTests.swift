import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// The home page: the organisation's four keys with their weekly trend, and warnings for inputs
/// that mapped to nothing, each linking to where they are listed.
@Suite struct HomeModelTests {
  typealias F = DeliveryFixture

  /// DORAEvaluatorTests' six deployments of `svc` (weekly [1, 1, 2, 2], failed [0, 0, 1, 2],
  /// lead-time medians [4, 29, 6, none]) plus inputs nothing claims: two events of an unknown
  /// subject, one of an unknown type, a ticket naming no team, and a SARIF result about a file no
  /// entity owns.
  static let files: [String: String] = [
    "content/events/svc.jsonl":
      (DORAEvaluatorTests.scenario + [
        F.cdevent(
          "service.deployed.0.3.0", id: "x1", at: "2026-10-21T00:00:00Z", subject: "service/legacy-batch",
          content: #"{"environment":{"id":"production"},"artifactId":"pkg:oci/legacy@1"}"#),
        F.cdevent(
          "service.deployed.0.3.0", id: "x2", at: "2026-10-22T00:00:00Z", subject: "service/legacy-batch",
          content: #"{"environment":{"id":"production"},"artifactId":"pkg:oci/legacy@2"}"#),
        #"{"context":{"specversion":"0.5.1","id":"u1","source":"/flags","type":"dev.cdeventsx.acme-flag.toggled.0.1.0","timestamp":"2026-10-21T00:00:00Z"},"subject":{"id":"f","content":{}}}"#,
        F.cdevent(
          "ticket.created.0.2.0", id: "t1", at: "2026-10-20T00:00:00Z", subject: "T-1",
          content: #"{"ticketType":"bug"}"#),
      ]).joined(separator: "\n") + "\n",
    "content/policy-results/scan.sarif": """
    {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "scanner", "rules": [{"id": "R1"}]}},
     "results": [{"ruleId": "R1", "level": "error", "message": {"text": "bad"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "elsewhere/main.tf"}, "region": {"startLine": 1}}}]}]}]}
    """,
  ]

  func home(_ result: BuildResult) throws -> String {
    let file = try #require(result.files.first { $0.path == "index.html" })
    let html = String(decoding: file.bytes, as: UTF8.self)
    let start = try #require(html.range(of: "<main id=\"main\">"))
    let end = try #require(html.range(of: "</main>"))
    return String(html[start.lowerBound..<end.upperBound]) + "\n"
  }

  @Test func showsTheFourKeysWithTrendsAndTheUnmappedInputs() async throws {
    let result = try await F.build(Self.files)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics)
        == "content/policy-results/scan.sarif:1:1: warning: 1 of 1 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]\n"
    )
    let html = try home(result)
    assertGolden(html, named: "home.html")
    // Weeks [1, 1, 2, 2] → 4 deployments in the last two weeks against 2; lead-time medians
    // [4, 29] → 16.5 h before, [6] → 6 h after; failures 3 of 4 against 0 of 2.
    #expect(
      html.contains("↑</span> Up (better): 4 deployments in the last 2 weeks, 2 deployments in the 2 before</span>"))
    #expect(html.contains("↓</span> Down (better): 6 h in the last 2 weeks, 16.5 h in the 2 before</span>"))
    #expect(html.contains("↑</span> Up (worse): 75% in the last 2 weeks, 0% in the 2 before</span>"))
    #expect(
      html.contains(
        "<strong>1 policy result (1 open) from 1 file maps to no entity</strong>: <a href=\"guardrails/#unmapped-heading\">"
      ))
    #expect(
      html.contains("<strong>2 events from 1 subject map to no component</strong>: <a href=\"dora/#unmapped-events\">"))
    #expect(html.contains("<strong>1 ticket names no team</strong>: <a href=\"dora/#tickets-heading\">"))
    #expect(html.contains("<code>dev.cdeventsx.acme-flag.toggled.0.1.0 (1)</code>"))
    // The anchors the warnings link to exist on their pages.
    let dora = String(decoding: try #require(result.files.first { $0.path == "dora/index.html" }).bytes, as: UTF8.self)
    #expect(dora.contains("id=\"unmapped-events\"") && dora.contains("id=\"tickets-heading\""))
    let guardrails = String(
      decoding: try #require(result.files.first { $0.path == "guardrails/index.html" }).bytes, as: UTF8.self)
    #expect(guardrails.contains("id=\"unmapped-heading\""))
  }

  @Test func sitesWithoutEventsOrStrayInputsShowNeitherSection() async throws {
    let result = try await F.build([:])
    let html = try home(result)
    #expect(!html.contains("delivery-heading"))
    #expect(!html.contains("unmapped-heading"))
  }

  @Test func everythingMappedShowsNoWarnings() async throws {
    let result = try await F.build([
      "content/events/svc.jsonl": DORAEvaluatorTests.scenario.joined(separator: "\n") + "\n"
    ])
    let html = try home(result)
    #expect(html.contains("delivery-heading"))
    #expect(!html.contains("unmapped-heading"))
  }

  func weeks(_ deployments: [Int], failed: [Int]? = nil, lead: [Double?]? = nil) -> [WeeklyFigures] {
    deployments.enumerated().map { index, count in
      WeeklyFigures([
        "deployments": .int(Int64(count)), "failed": .int(Int64(failed?[index] ?? 0)),
        "leadTimeHoursMedian": lead?[index].map(JSONValue.double) ?? .null,
      ])
    }
  }

  @Test func trendsCompareUpToFourWeeksWithTheWeeksBefore() throws {
    #expect([0, 1, 2, 3, 7, 8, 13].map { DeliveryTrend.periodWeeks(seriesLength: $0) } == [0, 0, 1, 1, 3, 4, 4])
    let total: ([WeeklyFigures]) -> Double? = { Double($0.reduce(0) { $0 + $1.deployments }) }
    // 13 weeks: the last four (1+1+1+1) against the four before (5+5+5+5); the oldest five are not read.
    let falling = try #require(
      DeliveryTrend(
        weekly: weeks([9, 9, 9, 9, 9, 5, 5, 5, 5, 1, 1, 1, 1]), preference: .higherIsBetter, summary: total))
    #expect((falling.recent, falling.previous, falling.weeks) == (4, 20, 4))
    #expect((falling.direction, falling.verdict, falling.arrow) == (.down, "worse", "↓"))
    let fewerFailures = try #require(DeliveryTrend(weekly: weeks([5, 1]), preference: .lowerIsBetter, summary: total))
    #expect((fewerFailures.direction, fewerFailures.verdict) == (.down, "better"))
    // Less than 5% from the earlier figure is steady, 5% is a move; from zero anything is up.
    let steady = try #require(DeliveryTrend(weekly: weeks([40, 41]), preference: .higherIsBetter, summary: total))
    #expect((steady.direction, steady.verdict, steady.arrow) == (.flat, "steady", "→"))
    #expect(DeliveryTrend(weekly: weeks([20, 21]), preference: .higherIsBetter, summary: total)?.direction == .up)
    #expect(DeliveryTrend(weekly: weeks([0, 3]), preference: .higherIsBetter, summary: total)?.direction == .up)
    #expect(DeliveryTrend(weekly: weeks([0, 0]), preference: .higherIsBetter, summary: total)?.direction == .flat)
    // A side without data, or a single week, gives no trend.
    #expect(DeliveryTrend(weekly: weeks([3]), preference: .higherIsBetter, summary: total) == nil)
    let lead: ([WeeklyFigures]) -> Double? = {
      MetricSummary.percentile($0.compactMap(\.leadTimeHoursMedian).sorted(), 0.5)
    }
    #expect(DeliveryTrend(weekly: weeks([1, 1], lead: [nil, 5]), preference: .lowerIsBetter, summary: lead) == nil)
  }
}

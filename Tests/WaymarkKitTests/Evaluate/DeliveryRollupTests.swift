import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Delivery rollups (`inputs.rollups`): read into the same metrics as raw events, checked line by
/// line, and never mixed with raw events for one component and day.
@Suite struct DeliveryRollupTests {
  typealias F = DeliveryFixture

  /// One rollup line for `service/svc`.
  static func row(_ day: String, _ fields: String) -> String {
    #"{"format":"waymark.delivery-rollup/v1","day":"\#(day)","subject":"service/svc","purl":"svc",\#(fields)}"#
  }

  @Test func bucketsFollowDDSketchAndStayWithinOnePercent() {
    #expect(LogHistogram.index(of: 1) == 0)
    #expect(LogHistogram.index(of: 1.5) == 21)
    #expect(LogHistogram.index(of: 0.25) == -69)
    for value in [0.001, 0.25, 1, 1.5, 2.7547, 168, 4_000] {
      let representative = LogHistogram.representative(of: LogHistogram.index(of: value))
      #expect(abs(representative - value) <= LogHistogram.relativeAccuracy * value)
    }
    var histogram = LogHistogram()
    histogram.zeros = 1
    histogram.buckets = [21: 2, 0: 1]
    histogram.count = 4
    #expect(histogram.values.map { ($0 * 10_000).rounded() / 10_000 } == [0, 0.99, 1.5068, 1.5068])
  }

  @Test func rowsFeedTheSameMetricsAsEvents() async throws {
    let lines = [
      Self.row(
        "2026-10-20",
        #""events":5,"deployments":2,"failedDeployments":1,"reworkDeployments":1,"#
          + #""leadTimeHours":{"count":3,"sumMilliseconds":19800000,"zeros":0,"buckets":{"0":1,"21":2}},"#
          + #""recoveryHours":{"count":1,"sumMilliseconds":7200000,"zeros":0,"buckets":{"35":1}}"#),
      Self.row("2026-10-27", #""events":2,"deployments":1,"openFailures":0,"pipelines":{"runs":4,"successes":3}"#),
      // Outside the 28-day window: its events count, its deployments do not.
      Self.row("2026-09-01", #""events":7,"deployments":9"#),
    ]
    let result = try await F.build(["content/delivery-rollups/2026-10.jsonl": lines.joined(separator: "\n") + "\n"])
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    let svc = try #require(try F.json(result, "api/dora.json")["entities"]?["component:default/svc"])
    #expect(svc["events"] == 14)
    #expect(svc["deployments"] == 3)
    #expect(svc["changeFailureRate"] == ["value": 0.3333, "failed": 1, "deployments": 3, "band": "low"])
    #expect(svc["reworkRate"] == ["value": 0.3333, "deployments": 1])
    #expect(svc["leadTimeHours"]?["median"] == 1.5068)
    #expect(svc["leadTimeHours"]?["changes"] == 3)
    #expect(svc["recoveryHours"]?["median"] == 1.9937)
    #expect(svc["ci"]?["runs"] == 4)
    #expect(svc["deploymentFrequency"]?["deploymentDaysPerWeek"] == 0.5)
    let weekly = try #require(svc["weekly"]?.arrayValue)
    #expect(weekly.map { $0["deployments"]?.intValue ?? -1 } == [0, 0, 2, 1])
  }

  @Test func aRowAndRawEventsForOneComponentAndDayAreAnError() async throws {
    let result = try await F.build([
      "content/events/deploys.jsonl": F.deployed(id: "d1", at: "2026-10-20T09:00:00Z", artifact: "a1") + "\n",
      "content/delivery-rollups/2026-10.jsonl": Self.row("2026-10-20", #""deployments":1"#) + "\n"
        + Self.row("2026-10-21", #""deployments":1"#) + "\n" + Self.row("2026-10-21", #""deployments":2"#) + "\n",
    ])
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        content/delivery-rollups/2026-10.jsonl:1:1: error: the rollup of 'service/svc' for 2026-10-20 overlaps \
        1 raw event of component:default/svc that day; they would be counted twice [events.rollup-overlap]
        content/delivery-rollups/2026-10.jsonl:3:1: error: the rollup of 'service/svc' for 2026-10-21 overlaps \
        the row at content/delivery-rollups/2026-10.jsonl:2:1 (component:default/svc); they would be counted \
        twice [events.rollup-overlap]

        """)
  }

  @Test func badLinesAreLocatedAndLeftOut() async throws {
    let lines = [
      #"{"format":"waymark.delivery-rollup/v0","day":"2026-10-20","subject":"service/svc"}"#,
      Self.row("2026-10-20", #""deployments":1,"failedDeployments":2"#),
      Self.row("2026-10-21", #""leadTimeHours":{"count":2,"buckets":{"3":1}}"#),
      #"{"format":"waymark.delivery-rollup/v1","day":"20 Oct","subject":"service/svc"}"#,
      #"{"format":"waymark.delivery-rollup/v1","day":"2026-10-22"}"#,
      #"{"format":"#,
      Self.row("2026-10-23", #""deployments":4"#),
    ]
    let result = try await F.build(["content/delivery-rollups/2026-10.jsonl": lines.joined(separator: "\n") + "\n"])
    let path = "content/delivery-rollups/2026-10.jsonl"
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        \(path):1:1: warning: format 'waymark.delivery-rollup/v0' is not one Waymark reads \
        (waymark.delivery-rollup/v1, waymark.delivery-rollup/v2) [events.invalid]
        \(path):2:1: warning: failedDeployments (2) is more than deployments (1) [events.invalid]
        \(path):3:1: warning: leadTimeHours: zeros and buckets add up to 1, not count 2 [events.invalid]
        \(path):4:1: warning: day '20 Oct' is not a date (YYYY-MM-DD) [events.invalid]
        \(path):5:1: warning: missing subject, repository and purl: a row needs one to map [events.invalid]
        \(path):6:11: warning: unexpected end of input; expected a value [events.malformed]

        """)
    let svc = try #require(try F.json(result, "api/dora.json")["entities"]?["component:default/svc"])
    #expect(svc["deployments"] == 4)
  }
}

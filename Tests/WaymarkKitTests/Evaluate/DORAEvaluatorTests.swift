import Foundation
import StructuredData
import Testing
import WaymarkModel
import WaymarkTestSupport

/// Hand-computed metrics for small event sets (window: 28 days to 2026-11-01T00:00:00Z).
@Suite struct DORAEvaluatorTests {
  typealias F = DeliveryFixture

  /// Six production deployments of `svc`, written out of order, one line duplicated, times in
  /// three zones:
  ///
  /// | deploy | time (UTC) | linked change (merged) | lead | afterwards |
  /// | d1 | 10-10 12:00 | c1 10-10 08:00 (+02:00) | 4 h | |
  /// | d2 | 10-13 14:00 (-05:00) | c2 10-12 09:00 | 29 h | |
  /// | d3 | 10-20 06:00 | c3 10-20 00:00 | 6 h | incident 07:00–09:30 on d3's artifact: failed, 2.5 h |
  /// | d4 | 10-20 08:00 | none | | made during that incident: rework |
  /// | d5 | 10-25 10:00 | none | | rolled back 12:00: failed, 2 h |
  /// | d6 | 10-29 00:00 | none | | incident from 10-30, still open: failed, no recovery |
  ///
  /// Lead times [4, 6, 29]: median 6, p90 6 + 0.8 × 23 = 24.4. Failure rate 3/6. Recoveries
  /// [2, 2.5]: median 2.25. Rework 1/6. 6 deploys / 28 days = 0.2143 a day, on 5 distinct days
  /// = 1.25 a week; every 7-day period has a deploy day, none has 3: "weekly".
  static let scenario: [String] = [
    F.deployed(id: "d5", at: "2026-10-25T10:00:00Z", artifact: "a5"),
    F.merged(id: "c2", at: "2026-10-12T09:00:00Z", chain: "B"),
    F.deployed(id: "d1", at: "2026-10-10T12:00:00Z", artifact: "a1", chain: "A"),
    F.merged(id: "c1", at: "2026-10-10T10:00:00+02:00", chain: "A"),
    F.deployed(id: "s2", at: "2026-10-12T10:00:00Z", environment: "staging", artifact: "a2", chain: "B"),
    F.deployed(id: "d2", at: "2026-10-13T09:00:00-05:00", artifact: "a2", chain: "B"),
    F.deployed(id: "d1", at: "2026-10-10T12:00:00Z", artifact: "a1", chain: "A"),
    F.merged(id: "c3", at: "2026-10-20T00:00:00Z", chain: "C"),
    F.deployed(id: "d3", at: "2026-10-20T06:00:00Z", artifact: "a3", chain: "C"),
    F.incident("resolved", id: "i1r", incident: "INC-1", at: "2026-10-20T09:30:00Z", artifact: "a3"),
    F.incident("detected", id: "i1d", incident: "INC-1", at: "2026-10-20T07:00:00Z", artifact: "a3"),
    F.deployed(id: "d4", at: "2026-10-20T08:00:00Z", artifact: "a4"),
    F.cdevent(
      "service.rolledback.0.3.0", id: "r5", at: "2026-10-25T12:00:00Z", subject: "service/svc",
      content: #"{"environment":{"id":"production"},"artifactId":"pkg:oci/svc@a4"}"#),
    F.deployed(id: "d6", at: "2026-10-29T00:00:00Z", artifact: "a6"),
    F.incident("detected", id: "i2d", incident: "INC-2", at: "2026-10-30T00:00:00Z", artifact: "a6"),
  ]

  @Test func computesTheFiveMetricsByHand() async throws {
    let result = try await F.build(["content/events/svc.jsonl": Self.scenario.joined(separator: "\n") + "\n"])
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    let dora = try F.json(result, "api/dora.json")
    let svc = try #require(dora["entities"]?["component:default/svc"])
    #expect(svc["deployments"] == 6)
    #expect(
      svc["deploymentFrequency"] == [
        "perDay": 0.2143, "deploymentDaysPerWeek": 1.25, "bucket": "weekly", "band": "high",
      ])
    #expect(svc["leadTimeHours"] == ["median": 6.0, "p90": 24.4, "changes": 3, "band": "elite"])
    #expect(svc["changeFailureRate"] == ["value": 0.5, "failed": 3, "deployments": 6, "band": "low"])
    #expect(svc["recoveryHours"] == ["median": 2.25, "failures": 2, "open": 1, "band": "high"])
    #expect(svc["reworkRate"] == ["value": 0.1667, "deployments": 1])
    let weekly = try #require(svc["weekly"]?.arrayValue)
    #expect(
      weekly.map { $0["start"]?.stringValue ?? "" } == [
        "2026-10-04T00:00:00Z", "2026-10-11T00:00:00Z", "2026-10-18T00:00:00Z", "2026-10-25T00:00:00Z",
      ])
    #expect(weekly.map { $0["deployments"]?.intValue ?? -1 } == [1, 1, 2, 2])
    #expect(weekly.map { $0["failed"]?.intValue ?? -1 } == [0, 0, 1, 2])
    #expect(weekly.map { $0["leadTimeHoursMedian"] ?? .null } == [4.0, 29.0, 6.0, .null])
    let counts = try F.json(result, "api/build.json")["counts"]?["events"]
    #expect(counts?["records"] == 15)
    #expect(counts?["duplicates"] == 1)
    #expect(counts?["events"] == 14)
  }

  @Test func rollUpsPoolTheirComponentsAndEmptyOnesHaveNoData() async throws {
    let result = try await F.build(["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")])
    let dora = try F.json(result, "api/dora.json")
    let svc = try #require(dora["entities"]?["component:default/svc"])
    for path in [
      ["systems", "system:default/sys"], ["domains", "domain:default/dom"], ["groups", "group:default/team-a"],
      ["groups", "group:default/org"], ["org"],
    ] {
      // `web` has no events, so the pooled figures are svc's.
      #expect(dora.value(at: path) == svc, "\(path)")
    }
    let web = try #require(dora["entities"]?["component:default/web"])
    #expect(web["deployments"] == 0)
    #expect(web["deploymentFrequency"] == ["perDay": nil, "deploymentDaysPerWeek": nil, "bucket": nil, "band": nil])
    #expect(web["leadTimeHours"] == ["median": nil, "p90": nil, "changes": 0, "band": nil])
    #expect(web["changeFailureRate"]?["value"] == .null)
    #expect(web["recoveryHours"]?["median"] == .null)
    #expect(dora["asOf"] == "2026-11-01T00:00:00Z")
    #expect(dora["window"] == ["start": "2026-10-04T00:00:00Z", "end": "2026-11-01T00:00:00Z", "days": 28])
    #expect(dora["bands"] == "dora-2023")
  }

  @Test func theSameEventsInAnyOrderGiveTheSameOutput() async throws {
    let forward = try await F.build(["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")])
    let backward = try await F.build(["content/events/svc.jsonl": Self.scenario.reversed().joined(separator: "\n")])
    let a = try #require(forward.files.first { $0.path == "api/dora.json" })
    let b = try #require(backward.files.first { $0.path == "api/dora.json" })
    #expect(a.bytes == b.bytes)
  }

  @Test func theDORAJSONShapeIsStable() async throws {
    let result = try await F.build(["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")])
    let file = try #require(result.files.first { $0.path == "api/dora.json" })
    assertGolden(String(decoding: file.bytes, as: UTF8.self), named: "dora.json")
  }

  @Test func bands2024AreSelectable() async throws {
    let result = try await F.build(
      ["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")],
      config: "metrics: {windowDays: 28, bands: dora-2024}\n")
    let dora = try F.json(result, "api/dora.json")
    #expect(dora["bands"] == "dora-2024")
    #expect(dora["entities"]?["component:default/svc"]?["changeFailureRate"]?["band"] == "low")
    #expect(DORABands.dora2024.changeFailureRate(0.15) == "high")
    #expect(DORABands.dora2023.changeFailureRate(0.15) == "medium")
    #expect(DORABands.dora2024.recoveryTime(hours: 30) == "low")
    #expect(DORABands.dora2023.recoveryTime(hours: 30) == "medium")
  }

  @Test func productionEnvironmentsAreConfigurable() async throws {
    let result = try await F.build(
      ["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")],
      config: "metrics: {windowDays: 28, productionEnvironments: [staging]}\n")
    let svc = try F.json(result, "api/dora.json")["entities"]?["component:default/svc"]
    #expect(svc?["deployments"] == 1)
    #expect(svc?["leadTimeHours"]?["median"] == 1.0)
  }

  @Test func theNewestEventIsTheBuildsNowWhenNoneIsGiven() async throws {
    let result = try await F.build(["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")], asOf: nil)
    let manifest = try F.json(result, "api/build.json")
    #expect(manifest["asOf"] == "2026-10-30T00:00:00Z")
    #expect(manifest["asOfSource"] == "inputs")
  }

  @Test func goldenPathsMeasureTimeToFirstProductionDeployment() async throws {
    // svc's first event is c1 (10-10 08:00Z), its first production deployment d1 (12:00Z): 4 h.
    let catalog = F.catalog.replacingOccurrences(
      of: "metadata: {name: svc}",
      with: "metadata: {name: svc, annotations: {backstage.io/source-template: template:default/go-service}}")
    let result = try await F.build(
      ["content/events/svc.jsonl": Self.scenario.joined(separator: "\n")], catalog: catalog)
    let golden = try F.json(result, "api/dora.json")["goldenPaths"]
    #expect(
      golden?["entities"]?["component:default/svc"]
        == [
          "template": "template:default/go-service", "firstEvent": "2026-10-10T08:00:00Z",
          "firstProductionDeployment": "2026-10-10T12:00:00Z", "hoursToFirstProductionDeployment": 4.0,
        ])
    #expect(
      golden?["templates"]?["template:default/go-service"]
        == ["entities": 1, "deployedToProduction": 1, "medianHoursToFirstProductionDeployment": 4.0])
  }

  @Test func percentilesAreInterpolated() {
    #expect(MetricSummary.percentile([], 0.5) == nil)
    #expect(MetricSummary.percentile([5], 0.9) == 5)
    #expect(MetricSummary.percentile([1, 2, 3, 10], 0.5) == 2.5)
    #expect(abs((MetricSummary.percentile([4, 6, 29], 0.9) ?? 0) - 24.4) < 1e-9)
  }
}

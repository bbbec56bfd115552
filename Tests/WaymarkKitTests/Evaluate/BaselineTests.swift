import Foundation
import Testing
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

@Suite struct BaselineTests {
  @Test func levelDropsAgainstTheBaselineBreakTheGateInCheck() async throws {
    let root = try ScorecardFixture.site()
    let published = try TestPaths.temporaryDirectory("baseline")
    let first = try await ScorecardFixture.build(root, asOf: "2026-11-01T00:00:00Z", check: false, output: published)
    #expect(first.published)
    // The good service loses its on-call annotation: silver → bronze.
    let dropped = ScorecardFixture.catalog.replacingOccurrences(of: "annotations: {pagerduty.com/service-id: P1}", with: "annotations: {}")
    try Data(dropped.utf8).write(to: root.appendingPathComponent("content/catalog/org.yaml"))
    let checked = try await ScorecardFixture.build(root, asOf: "2026-11-08T00:00:00Z", check: true, baseline: published)
    #expect(
      ScorecardFixture.text(checked) == """
        policies/ready.yaml:1:1: error: 'component:default/good' drops from silver to bronze in Ready [scorecard.gate]
        policies/ready.yaml:11:20: error: 'component:default/bad' must reach bronze in Ready but is at no level [scorecard.gate]

        """)
    let changes = try #require(checked.files.first { $0.path == "api/changes.json" })
    assertGolden(String(decoding: changes.bytes, as: UTF8.self), named: "changes.json")
    let history = try #require(checked.files.first { $0.path == "api/history.json" })
    assertGolden(String(decoding: history.bytes, as: UTF8.self), named: "history.json")
    let summary = PullRequestSummary().markdown(checked.scorecards, now: checked.now, diagnostics: checked.diagnostics)
    assertGolden(summary, named: "summary.md")
  }

  @Test func buildPublishesDespiteBrokenGates() async throws {
    let root = try ScorecardFixture.site()
    let result = try await ScorecardFixture.build(root, check: false, output: try TestPaths.temporaryDirectory("gates"))
    #expect(result.published)
    #expect(result.scorecards.violations.count == 1)
  }

  @Test func aBrokenBaselineIsLocated() async throws {
    let baseline = try TestPaths.temporaryDirectory("bad-baseline")
    try FileManager.default.createDirectory(at: baseline.appendingPathComponent("api"), withIntermediateDirectories: true)
    let file = baseline.appendingPathComponent("api/scorecards.json")
    try Data("{\n  \"scorecards\": [,]\n}".utf8).write(to: file)
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(), check: true, baseline: baseline)
    #expect(
      result.diagnostics.items.first { $0.code == .baselineInvalid }.map { DiagnosticFormat.text.format(DiagnosticList([$0])) }
        == "\(file.standardizedFileURL.path):2:18: error: the baseline is not valid JSON: unexpected ','; expected a value [baseline.invalid]\n")
  }
}

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
    let dropped = ScorecardFixture.catalog.replacingOccurrences(
      of: "annotations: {pagerduty.com/service-id: P1}", with: "annotations: {}")
    try Data(dropped.utf8).write(to: root.appendingPathComponent("content/catalog/org.yaml"))
    let checked = try await ScorecardFixture.build(root, asOf: "2026-11-08T00:00:00Z", check: true, baseline: published)
    #expect(
      ScorecardFixture.text(checked) == """
        content/catalog/org.yaml:34:9: error: 'component:default/good' drops from silver to bronze in Ready [scorecard.gate]
          note: check 'paged' (paged) went from pass to fail
          policies/ready.yaml:1:1: note: the gate (noLevelDrop) of 'Ready'
        content/catalog/org.yaml:41:18: error: 'component:default/bad' must reach bronze in Ready but is at no level [scorecard.gate]
          note: check 'described' (described) is fail at bronze: Describe it.
          policies/ready.yaml:11:20: note: the gate (minimumLevel bronze) of 'Ready'

        """)
    let changes = try #require(checked.files.first { $0.path == "api/changes.json" })
    assertGolden(String(decoding: changes.bytes, as: UTF8.self), named: "changes.json")
    let history = try #require(checked.files.first { $0.path == "api/history.json" })
    assertGolden(String(decoding: history.bytes, as: UTF8.self), named: "history.json")
    let summary = PullRequestSummary().markdown(checked.scorecards, now: checked.now, diagnostics: checked.diagnostics)
    assertGolden(summary, named: "summary.md")
  }

  @Test func aDropIsReportedAtTheEntityNamingTheFlippedCheckAndTheSummaryListsErrorsFirst() async throws {
    let scorecard = ScorecardFixture.scorecard.replacingOccurrences(
      of: "{id: paged, level: silver,",
      with:
        "{id: paged, title: On-call is set up, remediation: Add the `pagerduty.com/service-id` annotation., level: silver,"
    )
    let root = try ScorecardFixture.site(["policies/ready.yaml": scorecard])
    let published = try TestPaths.temporaryDirectory("baseline-notes")
    _ = try await ScorecardFixture.build(root, asOf: "2026-11-01T00:00:00Z", check: false, output: published)
    let changed = ScorecardFixture.catalog
      .replacingOccurrences(of: "annotations: {pagerduty.com/service-id: P1}", with: "annotations: {}")
      .replacingOccurrences(
        of: "spec: {type: library, lifecycle: production, owner: payments}",
        with: "spec: {type: library, lifecycle: production, owner: paymnets}")
    try Data(changed.utf8).write(to: root.appendingPathComponent("content/catalog/org.yaml"))
    let checked = try await ScorecardFixture.build(root, asOf: "2026-11-08T00:00:00Z", check: true, baseline: published)
    let drop = try #require(checked.diagnostics.items.first { $0.message.contains("drops from") })
    #expect(
      DiagnosticFormat.text.format(DiagnosticList([drop])) == """
        content/catalog/org.yaml:34:9: error: 'component:default/good' drops from silver to bronze in Ready [scorecard.gate]
          note: check 'On-call is set up' (paged) went from pass to fail: Add the `pagerduty.com/service-id` annotation.
          policies/ready.yaml:1:1: note: the gate (noLevelDrop) of 'Ready'

        """)
    #expect(
      DiagnosticFormat.github.format(DiagnosticList([drop]).anchored(inWorkspace: "site"))
        == "::error file=site/content/catalog/org.yaml,line=34,col=9,title=scorecard.gate::'component:default/good' drops from "
        + "silver to bronze in Ready%0Anote: check 'On-call is set up' (paged) went from pass to fail: Add the "
        + "`pagerduty.com/service-id` annotation.%0Asite/policies/ready.yaml:1:1: note: the gate (noLevelDrop) of 'Ready'\n"
    )
    let summary = PullRequestSummary().markdown(checked.scorecards, now: checked.now, diagnostics: checked.diagnostics)
    assertGolden(summary, named: "summary-errors-first.md")
  }

  @Test func annotationsOutsideTheCheckoutAreNotAnchored() {
    let list = DiagnosticList([
      .error(
        .baselineInvalid, "bad", at: SourceLocation(path: "/srv/published/api/scorecards.json", line: 2, column: 18)),
      .warning(.docsBrokenLink, "gone", at: SourceLocation(path: "docs/index.md", line: 3, column: 5)),
    ])
    #expect(
      DiagnosticFormat.github.format(list.anchored(inWorkspace: ""))
        == "::error title=baseline.invalid::/srv/published/api/scorecards.json:2:18: bad\n"
        + "::warning file=docs/index.md,line=3,col=5,title=docs.broken-link::gone\n")
  }

  @Test func buildPublishesDespiteBrokenGates() async throws {
    let root = try ScorecardFixture.site()
    let result = try await ScorecardFixture.build(root, check: false, output: try TestPaths.temporaryDirectory("gates"))
    #expect(result.published)
    #expect(result.scorecards.violations.count == 1)
  }

  @Test func aBrokenBaselineIsLocated() async throws {
    let baseline = try TestPaths.temporaryDirectory("bad-baseline")
    try FileManager.default.createDirectory(
      at: baseline.appendingPathComponent("api"), withIntermediateDirectories: true)
    let file = baseline.appendingPathComponent("api/scorecards.json")
    try Data("{\n  \"scorecards\": [,]\n}".utf8).write(to: file)
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(), check: true, baseline: baseline)
    #expect(
      result.diagnostics.items.first { $0.code == .baselineInvalid }.map {
        DiagnosticFormat.text.format(DiagnosticList([$0]))
      }
        == "\(file.standardizedFileURL.path):2:18: error: the baseline is not valid JSON: unexpected ','; expected a value [baseline.invalid]\n"
    )
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

@Suite struct ScorecardEvaluatorTests {
  func results(_ result: BuildResult) -> [String: (String?, Double?, [String])] {
    var table: [String: (String?, Double?, [String])] = [:]
    for score in result.scorecards.reports.first?.results ?? [] {
      table[score.entity.canonical] = (score.level, score.score, score.checks.map { "\($0.id)=\($0.outcome.rawValue)" })
    }
    return table
  }

  @Test func computesLevelsWeightsAndEveryResultState() async throws {
    let result = try await ScorecardFixture.build(try ScorecardFixture.site())
    #expect(ScorecardFixture.text(result) == "")
    let table = results(result)
    #expect(table.keys.sorted() == ["component:default/bad", "component:default/good"])
    let good = try #require(table["component:default/good"])
    #expect(good.0 == "silver")
    #expect(good.2 == ["owned=pass", "described=pass", "paged=pass", "experimental-only=not-applicable", "never=fail"])
    #expect(good.1 == 4.0 / 5.0)
    let bad = try #require(table["component:default/bad"])
    #expect(bad.0 == nil)
    // `paged` reads annotations the entity does not write: `{}`, as Backstage sees it, so a failure.
    #expect(bad.2 == ["owned=pass", "described=fail", "paged=fail", "experimental-only=not-applicable", "never=fail"])
    #expect(bad.1 == 1.0 / 5.0)
    let outcome = result.scorecards.reports.first?.results.first?.checks[2]
    #expect(outcome?.outcome.rawValue == "fail" && outcome?.message == nil)
  }

  @Test func anAppliesToThatFailsLeavesTheEntityUnscoredWithAWarning() async throws {
    // Users have no `spec.type`: reading it is an error, so the scorecard cannot say it applies.
    let scorecard = ScorecardFixture.scorecard.replacingOccurrences(
      of: "appliesTo: \"entity.kind == 'Component' && entity.spec.type == 'service'\"",
      with: "appliesTo: \"entity.spec.type == 'service'\"")
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/ready.yaml": scorecard]))
    #expect(
      ScorecardFixture.text(result)
        == "policies/ready.yaml:6:15: warning: appliesTo of scorecard 'ready' failed on 2 entities (first 'user:default/nested.approver'): no such key: 'type'; they are not scored [scorecard.applies-to-failed]\n"
    )
    #expect(results(result).keys.sorted() == ["component:default/bad", "component:default/good"])
    #expect(
      result.scorecards.reports.first?.appliesToFailures.keys.map(\.canonical).sorted() == [
        "user:default/nested.approver", "user:default/outsider",
      ])
  }

  @Test func writesTheScorecardAPI() async throws {
    let result = try await ScorecardFixture.build(try ScorecardFixture.site())
    let file = try #require(result.files.first { $0.path == "api/scorecards.json" })
    assertGolden(String(decoding: file.bytes, as: UTF8.self), named: "scorecards.json")
    let readiness = try #require(result.files.first { $0.path == "api/readiness.json" })
    assertGolden(String(decoding: readiness.bytes, as: UTF8.self), named: "readiness.json")
    let csv = try #require(result.files.first { $0.path == "readiness/readiness.csv" })
    #expect(
      String(decoding: csv.bytes, as: UTF8.self)
        == "entity,scorecard,level,score,failing_checks\ncomponent:default/bad,ready,none,0.2,described paged never\ncomponent:default/good,ready,silver,0.8,never\n"
    )
  }

  @Test func remediationMarkdownIsRenderedInert() async throws {
    let hostile = ScorecardFixture.scorecard.replacingOccurrences(
      of: "remediation: Describe it.",
      with: "remediation: \"Add `metadata.description`. <script>alert(1)</script> [more](javascript:alert(1))\"")
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/ready.yaml": hostile]))
    let page = try #require(result.files.first { $0.path == "catalog/default/component/bad/index.html" })
    let html = String(decoding: page.bytes, as: UTF8.self)
    #expect(
      html.contains(
        "<p>Add <code>metadata.description</code>. <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <a href=\"\">more</a></p>"
      ))
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("javascript:"))
  }

  @Test func compileErrorsPointIntoTheYAML() async throws {
    let broken = ScorecardFixture.scorecard.replacingOccurrences(of: "expr: \"1 == 2\"", with: "expr: \"1 == (2\"")
      .replacingOccurrences(of: "level: silver, expr: \"'pagerduty", with: "level: platinum, expr: \"'pagerduty")
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/ready.yaml": broken]))
    assertGolden(ScorecardFixture.text(result), named: "compile-errors.txt")
    #expect(result.scorecards.reports.isEmpty)
  }

  @Test func structuralProblemsAreLocated() async throws {
    let policy = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: x}
      spec:
        levels: bronze
        chekcs: []
      ---
      apiVersion: waymark.dev/v1beta9
      kind: Scorecard
      ---
      apiVersion: waymark.dev/v1alpha1
      kind: Rubric
      metadata: {name: y}
      spec: {}

      """
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/bad.yaml": policy]))
    assertGolden(ScorecardFixture.text(result), named: "structure-errors.txt")
  }
}

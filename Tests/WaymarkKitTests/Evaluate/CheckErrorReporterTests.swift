import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

@Suite struct CheckErrorReporterTests {
  static let scorecard = """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata: {name: loose, title: Loose}
    spec:
      gate: {failOnError: true}
      checks:
        - {id: titled, expr: "entity.metadata.title != ''"}
        - id: described
          applicable: "entity.kind == 'Component'"
          expr: "entity.metadata.description.size() > 0"

    """

  @Test func checksThatErrorWarnWithCountsAndTheFirstEntities() async throws {
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/loose.yaml": Self.scorecard]))
    let lines = ScorecardFixture.text(result).split(separator: "\n").filter { $0.contains("loose") }
    let expected: [String] = [
      "policies/loose.yaml:1:1: warning: scorecard 'loose' has no appliesTo and scored 4 Groups, 2 Users; "
        + "add appliesTo (e.g. \"entity.kind == 'Component'\") to score only what it is meant for "
        + "[scorecard.applies-to-everything]",
      "policies/loose.yaml:7:27: warning: check 'titled' of scorecard 'loose' gave an error on 9 entities "
        + "('component:default/bad', 'component:default/good', 'component:default/lib', …): no such key: 'title' "
        + "[scorecard.check-error]",
      "policies/loose.yaml:10:14: warning: check 'described' of scorecard 'loose' gave an error on 2 entities "
        + "('component:default/bad', 'component:default/lib'): no such key: 'description' [scorecard.check-error]",
    ]
    #expect(lines.map(String.init) == expected)
  }

  @Test func failOnErrorMakesItAnErrorInCheck() async throws {
    let result = try await ScorecardFixture.build(
      try ScorecardFixture.site(["policies/loose.yaml": Self.scorecard]), check: true)
    let errors = result.diagnostics.items.filter { $0.code.rawValue == "scorecard.check-error" }.map(
      \.severity.rawValue)
    #expect(errors == ["error", "error"])
    let relaxed = Self.scorecard.replacingOccurrences(
      of: "gate: {failOnError: true}", with: "gate: {failOnError: false}")
    let warned = try await ScorecardFixture.build(
      try ScorecardFixture.site(["policies/loose.yaml": relaxed]), check: true)
    #expect(
      warned.diagnostics.items.filter { $0.code.rawValue == "scorecard.check-error" }.map(\.severity.rawValue) == [
        "warning", "warning",
      ])
  }

  /// An `applicable` that gives a non-bool is reported at the `applicable` expression, not at `expr`.
  @Test func applicableOfTheWrongTypeIsReportedAtApplicable() async throws {
    let scorecard = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: typed, title: Typed}
      spec:
        appliesTo: "entity.kind == 'Component'"
        checks:
          - id: staged
            applicable: "dyn(entity.metadata.name)"
            expr: "true"

      """
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/typed.yaml": scorecard]))
    let lines = ScorecardFixture.text(result).split(separator: "\n").filter { $0.contains("check-error") }
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("policies/typed.yaml:8:") == true)
    #expect(lines.first?.contains("applicable gave string, not a bool") == true)
  }
}

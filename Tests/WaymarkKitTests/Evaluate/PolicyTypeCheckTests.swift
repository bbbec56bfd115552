import Foundation
import Testing
import WaymarkKit
import WaymarkScorecards
import WaymarkTestSupport

@Suite struct PolicyTypeCheckTests {
  @Test func typosAndTypeErrorsAreLocatedAtLoadTime() async throws {
    let scorecard = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: typed}
      spec:
        appliesTo: "entity.kind == 'Component'"
        checks:
          - {id: typo, expr: "entity.spec.lifecyle == 'production'"}
          - {id: scalar, expr: "entity.metadata.name.first == 'x'"}
          - {id: mismatch, expr: "docs.pages == 'many'"}
          - {id: not-bool, expr: "entity.metadata.name"}
          - {id: fine, expr: "'x' in entity.metadata.annotations && docs.exists"}

      """
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/typed.yaml": scorecard]))
    let lines = ScorecardFixture.text(result).split(separator: "\n").filter { $0.hasPrefix("policies/typed.yaml") }
    // The checks still run, so those that error are also `scorecard.check-error` warnings.
    let errored =
      "gave an error on 3 entities ('component:default/bad', 'component:default/good', 'component:default/lib')"
    let expected: [String] = [
      "policies/typed.yaml:7:37: warning: check 'typo': no entity it applies to has 'entity.spec.lifecyle'; "
        + "did you mean 'lifecycle'? [policy.unknown-field]",
      "policies/typed.yaml:7:25: warning: check 'typo' of scorecard 'typed' \(errored): no such key: 'lifecyle' "
        + "[scorecard.check-error]",
      "policies/typed.yaml:8:48: error: check 'scalar': 'entity.metadata.name.first' selects a field of a string "
        + "[policy.type-error]",
      "policies/typed.yaml:8:27: warning: check 'scalar' of scorecard 'typed' \(errored): "
        + "type 'string' does not support field selection [scorecard.check-error]",
      "policies/typed.yaml:9:29: error: check 'mismatch': '==' compares int with string; it can never hold "
        + "[policy.type-error]",
      "policies/typed.yaml:10:29: error: check 'not-bool': gives string, not a bool [policy.type-error]",
      "policies/typed.yaml:10:29: warning: check 'not-bool' of scorecard 'typed' \(errored): "
        + "expression gave string, not a bool [scorecard.check-error]",
    ]
    #expect(lines.map(String.init).sorted() == expected.sorted())
  }
}

@Suite struct PolicyDeclarationsTests {
  @Test func theKindsAnAppliesToNamesPlainly() {
    #expect(
      PolicyDeclarations.kinds(in: "entity.kind == 'Component' && entity.spec.lifecycle != 'deprecated'") == [
        "component"
      ])
    #expect(PolicyDeclarations.kinds(in: "entity.kind in ['API', \"Component\"]") == ["api", "component"])
    #expect(PolicyDeclarations.kinds(in: "entity.kind == 'API' || entity.kind == 'Component'") == nil)
    #expect(PolicyDeclarations.kinds(in: "entity.kind != 'User'") == nil)
    #expect(PolicyDeclarations.kinds(in: "!(entity.kind == 'User')") == nil)
    #expect(PolicyDeclarations.kinds(in: nil) == nil)
  }
}

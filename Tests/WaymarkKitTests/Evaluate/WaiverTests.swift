import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

@Suite struct WaiverTests {
  static func waiver(approvedBy: String, expires: String = "2026-12-31", entities: String = "[component:default/good]")
    -> String
  {
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata: {name: w}
    spec:
      scorecard: ready
      check: never
      entities: \(entities)
      reason: It never passes.
      expires: \(expires)
      approvedBy: \(approvedBy)

    """
  }

  func outcome(_ result: BuildResult, _ entity: String) -> String? {
    result.scorecards.reports.first?.results.first { $0.entity.canonical == entity }?.checks.last.map {
      "\($0.outcome.rawValue) \($0.waiver ?? "-")"
    }
  }

  @Test func aMemberOfANestedSubGroupMayApprove() async throws {
    let root = try ScorecardFixture.site(["policies/w.yaml": Self.waiver(approvedBy: "nested.approver")])
    let result = try await ScorecardFixture.build(root)
    #expect(ScorecardFixture.text(result) == "")
    #expect(outcome(result, "component:default/good") == "waived w")
    #expect(outcome(result, "component:default/bad") == "fail -")
    #expect(
      result.scorecards.reports.first?.results.first { $0.entity.canonical == "component:default/good" }?.level
        == "gold")
  }

  @Test func anyoneElseIsUnauthorized() async throws {
    let root = try ScorecardFixture.site(["policies/w.yaml": Self.waiver(approvedBy: "outsider")])
    let result = try await ScorecardFixture.build(root)
    #expect(
      ScorecardFixture.text(result)
        == "policies/w.yaml:1:1: error: waiver 'w' is approved by 'user:default/outsider', who is not a member of an approver group of 'ready' (group:default/platform) [policy.unauthorized-waiver]\n"
    )
    #expect(outcome(result, "component:default/good") == "fail -")
  }

  /// The fixture's organisation with People from an org provider: `portal` lists the external
  /// `jdoe`, and the external `group:github/sre` is a sub-team of `platform`.
  static func external(_ waiver: String, approvers: String = "[platform]") throws -> URL {
    let catalog = ScorecardFixture.catalog
      .replacingOccurrences(
        of: "parent: platform, children: []}", with: "parent: platform, children: [], members: [jdoe]}"
      )
      .replacingOccurrences(of: "children: [portal]}", with: "children: [portal, group:github/sre]}")
    return try ScorecardFixture.site([
      "content/catalog/org.yaml": catalog, "policies/w.yaml": waiver,
      "policies/ready.yaml": ScorecardFixture.scorecard.replacingOccurrences(
        of: "waivers: {approvers: [platform]}", with: "waivers: {approvers: \(approvers)}"),
      "waymark.yaml": "catalog:\n  external: [user:*, group:github/*]\n",
    ])
  }

  @Test func anExternalUserAGroupHereListsMayApproveThroughItsParents() async throws {
    let result = try await ScorecardFixture.build(try Self.external(Self.waiver(approvedBy: "jdoe")))
    #expect(ScorecardFixture.text(result) == "")
    #expect(outcome(result, "component:default/good") == "waived w")
  }

  @Test func anExternalUserNoGroupHereListsIsUnauthorizedForApproverGroupsWrittenHere() async throws {
    let result = try await ScorecardFixture.build(try Self.external(Self.waiver(approvedBy: "ckent")))
    #expect(
      ScorecardFixture.text(result)
        == "policies/w.yaml:1:1: error: waiver 'w' is approved by 'user:default/ckent', who is not a member of an "
        + "approver group of 'ready' (group:default/platform) [policy.unauthorized-waiver]\n")
    #expect(outcome(result, "component:default/good") == "fail -")
  }

  @Test func anExternalApproverGroupCannotBeCheckedSoTheWaiverAppliesWithANote() async throws {
    let root = try Self.external(Self.waiver(approvedBy: "ckent"), approvers: "[group:github/sre]")
    let result = try await ScorecardFixture.build(root)
    #expect(
      ScorecardFixture.text(result)
        == "policies/w.yaml:1:1: note: waiver 'w' is approved by 'user:default/ckent', provided outside the "
        + "repository like approver group group:github/sre; membership is not known here, so the approval is "
        + "accepted as written [policy.unverified-approver]\n")
    #expect(outcome(result, "component:default/good") == "waived w")
    // A User written here is judged by what is written here: outsider is in payments only.
    let written = try await ScorecardFixture.build(
      try Self.external(Self.waiver(approvedBy: "outsider"), approvers: "[group:github/sre]"))
    #expect(
      ScorecardFixture.text(written)
        == "policies/w.yaml:1:1: error: waiver 'w' is approved by 'user:default/outsider', who is not a member of "
        + "an approver group of 'ready' (group:github/sre) [policy.unauthorized-waiver]\n")
  }

  @Test func danglingRefsWarningMakesAMissingWaivedEntityAWarningButNeverAMissingApprover() async throws {
    let root = try ScorecardFixture.site([
      "policies/w.yaml": Self.waiver(approvedBy: "nested.approver", entities: "[component:default/good, gone]")
        + "---\n" + Self.waiver(approvedBy: "nobody").replacingOccurrences(of: "name: w}", with: "name: w2}"),
      "waymark.yaml": "catalog:\n  danglingRefs: warning\n",
    ])
    let result = try await ScorecardFixture.build(root)
    #expect(
      ScorecardFixture.text(result)
        == "policies/w.yaml:1:1: warning: waiver 'w' names 'component:default/gone', which does not exist in the "
        + "catalog [policy.dangling-ref]\n"
        + "policies/w.yaml:12:1: error: waiver 'w2' is approved by 'user:default/nobody', who does not exist "
        + "[policy.dangling-ref]\n")
    #expect(outcome(result, "component:default/good") == "waived w")
  }

  @Test func expiryIsRelativeToTheBuildsNow() async throws {
    let root = try ScorecardFixture.site([
      "policies/w.yaml": Self.waiver(approvedBy: "nested.approver", expires: "2026-11-01")
    ])
    let lastDay = try await ScorecardFixture.build(root, asOf: "2026-11-01T23:59:00Z")
    #expect(outcome(lastDay, "component:default/good") == "waived w")
    let after = try await ScorecardFixture.build(root, asOf: "2026-11-02T00:00:00Z")
    #expect(
      ScorecardFixture.text(after)
        == "policies/w.yaml:1:1: warning: waiver 'w' expired on 2026-11-01 and no longer applies [policy.expired-waiver]\n"
    )
    #expect(outcome(after, "component:default/good") == "fail -")
    let waivers = try #require(after.files.first { $0.path == "api/waivers.json" })
    #expect(String(decoding: waivers.bytes, as: UTF8.self).contains("\"status\": \"expired\""))
  }

  @Test func aFilterCoversEveryMatchingEntity() async throws {
    let root = try ScorecardFixture.site([
      "policies/w.yaml": Self.waiver(
        approvedBy: "nested.approver", entities: "\"entity.spec.lifecycle == 'production'\"")
    ])
    let result = try await ScorecardFixture.build(root)
    #expect(outcome(result, "component:default/good") == "waived w")
    #expect(outcome(result, "component:default/bad") == "waived w")
  }
}

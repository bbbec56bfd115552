import Foundation
import Testing
import WaymarkKit
import WaymarkTestSupport

@Suite struct WaiverTests {
  static func waiver(approvedBy: String, expires: String = "2026-12-31", entities: String = "[component:default/good]") -> String {
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
    #expect(result.scorecards.reports.first?.results.first { $0.entity.canonical == "component:default/good" }?.level == "gold")
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

  @Test func expiryIsRelativeToTheBuildsNow() async throws {
    let root = try ScorecardFixture.site(["policies/w.yaml": Self.waiver(approvedBy: "nested.approver", expires: "2026-11-01")])
    let lastDay = try await ScorecardFixture.build(root, asOf: "2026-11-01T23:59:00Z")
    #expect(outcome(lastDay, "component:default/good") == "waived w")
    let after = try await ScorecardFixture.build(root, asOf: "2026-11-02T00:00:00Z")
    #expect(
      ScorecardFixture.text(after)
        == "policies/w.yaml:1:1: warning: waiver 'w' expired on 2026-11-01 and no longer applies [policy.expired-waiver]\n")
    #expect(outcome(after, "component:default/good") == "fail -")
    let waivers = try #require(after.files.first { $0.path == "api/waivers.json" })
    #expect(String(decoding: waivers.bytes, as: UTF8.self).contains("\"status\": \"expired\""))
  }

  @Test func aFilterCoversEveryMatchingEntity() async throws {
    let root = try ScorecardFixture.site([
      "policies/w.yaml": Self.waiver(approvedBy: "nested.approver", entities: "\"entity.spec.lifecycle == 'production'\"")
    ])
    let result = try await ScorecardFixture.build(root)
    #expect(outcome(result, "component:default/good") == "waived w")
    #expect(outcome(result, "component:default/bad") == "waived w")
  }
}

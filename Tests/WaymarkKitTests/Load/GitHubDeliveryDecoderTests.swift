import Foundation
import StructuredData
import Testing

/// CI health and merged pull requests from GitHub deliveries, for `web` (`acme/web`).
@Suite struct GitHubDeliveryDecoderTests {
  typealias F = DeliveryFixture

  static func run(_ id: Int, conclusion: String, started: String, updated: String, attempt: Int = 1) -> String {
    #"{"event":"workflow_run","payload":{"action":"completed","workflow_run":{"id":\#(id),"name":"CI","status":"completed","conclusion":"\#(conclusion)","run_attempt":\#(attempt),"run_started_at":"\#(started)","updated_at":"\#(updated)"},"repository":{"full_name":"acme/web"}}}"#
  }

  @Test func completedRunsGiveCIHealth() async throws {
    let lines = [
      Self.run(1, conclusion: "success", started: "2026-10-10T10:00:00Z", updated: "2026-10-10T10:10:00Z"),
      Self.run(1, conclusion: "failure", started: "2026-10-10T09:00:00Z", updated: "2026-10-10T09:20:00Z", attempt: 2),
      Self.run(2, conclusion: "timed_out", started: "2026-10-11T10:00:00+02:00", updated: "2026-10-11T08:30:00Z"),
      Self.run(3, conclusion: "cancelled", started: "2026-10-12T10:00:00Z", updated: "2026-10-12T10:01:00Z"),
      #"{"event":"workflow_run","payload":{"action":"requested","workflow_run":{"id":4,"status":"queued"},"repository":{"full_name":"acme/web"}}}"#,
    ]
    let result = try await F.build(["content/events/ci.jsonl": lines.joined(separator: "\n")])
    let web = try F.json(result, "api/dora.json")["entities"]?["component:default/web"]
    // Runs of 10, 20 and 30 minutes; one of three succeeded; cancelled and requested runs do not count.
    #expect(web?["ci"] == ["runs": 3, "successRate": 0.3333, "medianMinutes": 20.0])
    #expect(try F.json(result, "api/build.json")["counts"]?["events"]?["ignored"] == 2)
  }

  @Test func aMergedPullRequestIsAChangeAtItsMergeCommit() async throws {
    let merged =
      #"{"event":"pull_request","payload":{"action":"closed","pull_request":{"number":12,"merged_at":"2026-10-10T08:00:00Z","merge_commit_sha":"m1"},"repository":{"full_name":"acme/web"}}}"#
    let closed =
      #"{"event":"pull_request","payload":{"action":"closed","pull_request":{"number":13,"merged_at":null,"merge_commit_sha":"m2"},"repository":{"full_name":"acme/web"}}}"#
    let deploy = FourKeysFaultTests.status(1, sha: "m1", at: "2026-10-10T10:30:00Z")
    let result = try await F.build(["content/events/pr.jsonl": [merged, closed, deploy].joined(separator: "\n")])
    let lead = try F.json(result, "api/dora.json")["entities"]?["component:default/web"]?["leadTimeHours"]
    #expect(lead?["median"] == 2.5)
    #expect(lead?["changes"] == 1)
  }
}

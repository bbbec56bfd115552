import Foundation
import StructuredData
import Testing
import WaymarkModel
import WaymarkTestSupport

/// Each Four Keys counting fault listed in `../shared/reference/dora.md` §2, shown not to occur,
/// on GitHub webhook deliveries for `web` (`github.com/project-slug: acme/web`).
///
/// | delivery | time (UTC) | |
/// | push main [k1] | k1 10-05 10:00-07:00 = 17:00 | |
/// | push main [k2] | k2 10-05 12:00-07:00 = 19:00 | |
/// | push feature [f1] | 10-04 12:00 | not a change |
/// | push main [k3] | 10-06 09:00 | |
/// | deployment_status success production sha k2 | 10-06 00:00 | ships k1 and k2: 7 h, 5 h |
/// | the same delivery again | | counted once |
/// | deployment_status failure production sha k3 | 10-06 23:00 | not a deployment |
/// | deployment_status success staging sha k3 | 10-07 01:00 | not production |
/// | deployment_status success production sha k3 | 10-07 09:00 | ships k3: 24 h |
/// | deployment_status success production sha deadbeef (no push) | 10-08 00:00 | still a deployment |
/// | issues #7 labelled Incident | 10-08 01:00–04:00 | on the deadbeef deployment |
/// | issues #9 labelled Incident | 10-08 02:00–03:00 | same deployment: it fails once |
/// | issues #8 not labelled | | not an incident |
struct FourKeysFaultTests {
  typealias F = DeliveryFixture

  static func push(_ ref: String, _ commits: [(String, String)]) -> String {
    let list = commits.map { #"{"id":"\#($0.0)","timestamp":"\#($0.1)"}"# }.joined(separator: ",")
    return
      #"{"event":"push","payload":{"ref":"\#(ref)","after":"\#(commits.last?.0 ?? "")","commits":[\#(list)],"repository":{"full_name":"acme/web","default_branch":"main"}}}"#
  }

  static func status(
    _ id: Int, sha: String, state: String = "success", environment: String = "production", at time: String
  )
    -> String
  {
    let production = environment == "production"
    return
      #"{"event":"deployment_status","payload":{"action":"created","deployment":{"id":\#(id),"sha":"\#(sha)","environment":"\#(environment)","production_environment":\#(production)},"deployment_status":{"id":\#(id * 10),"state":"\#(state)","environment":"\#(environment)","created_at":"\#(time)"},"repository":{"full_name":"acme/web"}}}"#
  }

  static func issue(_ number: Int, labels: [String], opened: String, closed: String?) -> String {
    let labelList = labels.map { #"{"name":"\#($0)"}"# }.joined(separator: ",")
    let closedAt = closed.map { #""\#($0)""# } ?? "null"
    return
      #"{"event":"issues","payload":{"action":"\#(closed == nil ? "labeled" : "closed")","issue":{"number":\#(number),"labels":[\#(labelList)],"created_at":"\#(opened)","closed_at":\#(closedAt)},"repository":{"full_name":"acme/web"}}}"#
  }

  static let deliveries: [String] = [
    push("refs/heads/main", [("k1", "2026-10-05T10:00:00-07:00")]),
    push("refs/heads/main", [("k2", "2026-10-05T12:00:00-07:00")]),
    push("refs/heads/feature-x", [("f1", "2026-10-04T12:00:00Z")]),
    push("refs/heads/main", [("k3", "2026-10-06T09:00:00Z")]),
    status(1, sha: "k2", at: "2026-10-06T00:00:00Z"),
    status(1, sha: "k2", at: "2026-10-06T00:00:00Z"),
    status(2, sha: "k3", state: "failure", at: "2026-10-06T23:00:00Z"),
    status(3, sha: "k3", environment: "staging", at: "2026-10-07T01:00:00Z"),
    status(4, sha: "k3", at: "2026-10-07T09:00:00Z"),
    status(5, sha: "deadbeef", at: "2026-10-08T00:00:00Z"),
    issue(7, labels: ["Incident", "sev1"], opened: "2026-10-08T01:00:00Z", closed: "2026-10-08T04:00:00Z"),
    issue(9, labels: ["incident"], opened: "2026-10-08T02:00:00Z", closed: "2026-10-08T03:00:00Z"),
    issue(8, labels: ["bug"], opened: "2026-10-08T01:00:00Z", closed: nil),
  ]

  func web() async throws -> JSONValue {
    let result = try await F.build(["content/events/github.jsonl": Self.deliveries.joined(separator: "\n")])
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    return try #require(try F.json(result, "api/dora.json")["entities"]?["component:default/web"])
  }

  @Test func deploymentsWithoutAMatchingPushStillCount() async throws {
    // Four Keys inner-joins deployments to pushes, so `deadbeef` would vanish from every metric.
    #expect(try await web()["deployments"] == 3)
  }

  @Test func aDeploymentShipsEveryEarlierCommitNotOnlyOnePush() async throws {
    // k1 was pushed alone, before k2; deploying k2 ships it too. Four Keys takes only k2's push.
    let lead = try await web()["leadTimeHours"]
    #expect(lead == ["median": 7.0, "p90": 20.6, "changes": 3, "band": "elite"])
  }

  @Test func featureBranchCommitsAreNotChanges() async throws {
    // f1 (the oldest commit) would make a 36 h lead time if counted.
    #expect(try await web()["leadTimeHours"]?["changes"] == 3)
  }

  @Test func failureRateCountsFailedDeploymentsNeverAbove100Percent() async throws {
    // Two incidents on one deployment: Four Keys' numerator counts both (can exceed 1).
    let web = try await web()
    #expect(web["changeFailureRate"] == ["value": 0.3333, "failed": 1, "deployments": 3, "band": "low"])
    // Recovery from the first incident's start to the last one's resolution, not whole hours.
    #expect(web["recoveryHours"] == ["median": 3.0, "failures": 1, "open": 0, "band": "high"])
  }

  @Test func onlyProductionDeploymentsCount() async throws {
    // Four Keys has no environment filter: the staging deployment would count.
    let web = try await web()
    #expect(web["deploymentFrequency"]?["perDay"] == 0.1071)
  }

  @Test func incidentsAreQualifiedByRepositoryAndNotTruncatedToHours() async throws {
    // Issue #7 in two repositories is two incidents (Four Keys keys incidents by number alone);
    // a 90-minute recovery is 1.5 h (Four Keys: TIMESTAMP_DIFF in whole hours).
    let other = Self.deliveries.map { $0.replacingOccurrences(of: "acme/web", with: "acme/svc") }
      .filter { $0.contains("deployment_status") || $0.contains("\"number\":7") }
      .map { $0.replacingOccurrences(of: "2026-10-08T04:00:00Z", with: "2026-10-08T02:30:00Z") }
    let result = try await F.build([
      "content/events/github.jsonl": Self.deliveries.joined(separator: "\n"),
      "content/events/svc.jsonl": other.joined(separator: "\n"),
    ])
    let dora = try F.json(result, "api/dora.json")
    #expect(dora["entities"]?["component:default/web"]?["recoveryHours"]?["median"] == 3.0)
    #expect(dora["entities"]?["component:default/svc"]?["recoveryHours"]?["median"] == 1.5)
    #expect(dora["org"]?["recoveryHours"]?["failures"] == 2)
  }

  @Test func timeZonesAreHonouredNotDropped() async throws {
    // k1 17:00Z → 10-06 00:00Z = 7 h; dropping the -07:00 offset (Four Keys' GitLab parser) gives 14 h.
    let web = try await web()
    #expect(web["leadTimeHours"]?["p90"] == 20.6)
    #expect(web["leadTimeHours"]?["median"] == 7.0)
  }
}

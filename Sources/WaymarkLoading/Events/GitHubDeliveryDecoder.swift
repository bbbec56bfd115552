import StructuredData
import WaymarkModel

/// Turns a GitHub webhook delivery `{"event": "<X-GitHub-Event>", "payload": {…}}`, or one of
/// GitHub's API delivery records `{"event", "request": {"headers", "payload"}}`, into events.
///
/// - `push` to the default branch: one change per commit (its own timestamp, time zone kept);
///   pushes to other branches are ignored, unlike Four Keys, which counts feature-branch commits.
/// - `deployment_status` with state `success`: a deployment of `deployment.sha` at the status's
///   `created_at`; other states are not deployments.
/// - `workflow_run` `completed`: a CI run (success unless the conclusion says otherwise;
///   `cancelled`, `skipped`, `neutral`, `stale` and `action_required` runs are ignored).
/// - `pull_request` `closed` with `merged_at`: a change (the merge commit) at the merge time.
/// - `issues` labelled `Incident`: the incident starts at `created_at` and is resolved at
///   `closed_at` when closed.
/// Other events (`deployment`, `ping`, …) are ignored or unknown; see `known`.
package struct GitHubDeliveryDecoder {
  /// GitHub events read for metrics, or known and deliberately ignored.
  package static let known: Set<String> = [
    "push", "deployment", "deployment_status", "workflow_run", "pull_request", "issues",
    "ping", "workflow_job", "check_run", "check_suite", "deployment_review", "deployment_protection_rule",
    "release", "create", "delete", "status", "pull_request_review", "pull_request_review_comment", "issue_comment",
  ]

  /// Why a delivery could not be read.
  package struct Failure: Error {
    package var reason: String
  }

  package func decode(_ record: EventRecord, strings: inout StringInterner) -> EventDecoding {
    guard let name = record.text(.event) else { return .invalid("'event' must be a string") }
    let type = strings.intern("github." + name)
    guard Self.known.contains(name) else { return .unknownType(type) }
    guard let repository = record.text(.repository) else { return .invalid("missing payload.repository.full_name") }
    let repo = strings.intern(repository)
    func event(_ kind: DeliveryEvent.Kind, at stamp: String?, id: String) -> Result<DeliveryEvent, Failure> {
      guard let stamp else { return .failure(Failure(reason: "missing the time of the \(name) event")) }
      guard let time = Timestamp(iso8601: stamp) else {
        return .failure(Failure(reason: "'\(stamp)' is not an ISO 8601 timestamp"))
      }
      var event = DeliveryEvent(kind: kind, type: type, time: time, identity: StableHash.of("github:" + repository, id))
      event.repository = repo
      return .success(event)
    }
    func single(_ result: Result<DeliveryEvent, Failure>) -> EventDecoding {
      switch result {
      case .success(let event): return .events([event])
      case .failure(let failure): return .invalid(failure.reason)
      }
    }
    let ignored = EventDecoding.events([])
    switch name {
    case "push":
      let branch = record.text(.defaultBranch)
      let ref = record.text(.ref) ?? ""
      let onDefault =
        branch.map { ref == "refs/heads/" + $0 } ?? (ref == "refs/heads/main" || ref == "refs/heads/master")
      guard onDefault, let commits = record[.commits]?.arrayValue, !commits.isEmpty else { return ignored }
      var events: [DeliveryEvent] = []
      for commit in commits {
        guard let sha = commit["id"]?.stringValue else { return .invalid("a commit in payload.commits has no id") }
        switch event(.change, at: commit["timestamp"]?.stringValue, id: "commit:" + sha) {
        case .success(var change):
          change.change = StableHash.of(sha)
          events.append(change)
        case .failure(let failure): return .invalid(failure.reason)
        }
      }
      return .events(events)
    case "deployment_status":
      guard record.text(.statusState)?.lowercased() == "success" else { return ignored }
      guard let statusId = record.text(.statusId), let sha = record.text(.deploymentSha) else {
        return .invalid("a deployment_status needs deployment_status.id and deployment.sha")
      }
      return single(
        event(.deployment, at: record.text(.statusCreatedAt), id: "deployment_status:" + statusId).map { deployment in
          var deployment = deployment
          deployment.change = StableHash.of(sha)
          deployment.environment = strings.intern(
            ifPresent: record.text(.statusEnvironment) ?? record.text(.deploymentEnvironment))
          deployment.productionFlag = record[.deploymentProduction]?.boolValue
          return deployment
        })
    case "workflow_run":
      let status = record.text(.runStatus) ?? record.text(.action)
      guard status == "completed", let runId = record.text(.runId) else { return ignored }
      let conclusion = record.text(.runConclusion) ?? "success"
      guard ["success", "failure", "timed_out", "startup_failure"].contains(conclusion) else { return ignored }
      let attempt = record.text(.runAttempt) ?? "1"
      return single(
        event(.pipelineFinished, at: record.text(.runUpdatedAt), id: "workflow_run:\(runId):\(attempt)").map { run in
          var run = run
          run.succeeded = conclusion == "success"
          run.subject = strings.intern(ifPresent: record.text(.runName).map { repository + "/" + $0 })
          if let started = record.text(.runStartedAt).flatMap(Timestamp.init(iso8601:)) {
            run.durationMilliseconds = max(0, run.time.millisecondsSinceEpoch - started.millisecondsSinceEpoch)
          }
          return run
        })
    case "pull_request":
      guard record.text(.action) == "closed", let merged = record.text(.pullMergedAt),
        let sha = record.text(.pullMergeSha),
        let number = record.text(.pullNumber)
      else { return ignored }
      return single(
        event(.change, at: merged, id: "pull:\(number):merged").map { change in
          var change = change
          change.change = StableHash.of(sha)
          return change
        })
    case "issues":
      let labels = record[.issueLabels]?.arrayValue ?? []
      let isIncident = labels.contains { ($0["name"]?.stringValue ?? $0.stringValue)?.lowercased() == "incident" }
      guard isIncident, let number = record.text(.issueNumber) else { return ignored }
      let incident = StableHash.of("github:" + repository, "issue:\(number)")
      var events: [DeliveryEvent] = []
      switch event(.incidentStarted, at: record.text(.issueCreatedAt), id: "issue:\(number):start") {
      case .success(var start):
        start.incident = incident
        events.append(start)
      case .failure(let failure): return .invalid(failure.reason)
      }
      if record.text(.action) == "closed" || record.text(.issueClosedAt) != nil {
        let closed = record.text(.issueClosedAt)
        switch event(.incidentResolved, at: closed, id: "issue:\(number):closed:\(closed ?? "")") {
        case .success(var end):
          end.incident = incident
          events.append(end)
        case .failure(let failure): return .invalid(failure.reason)
        }
      }
      return .events(events)
    default:
      return ignored
    }
  }
}

import StructuredData

/// The members of an event record the decoders read, selected once for `JSONFieldScanner`.
///
/// One selection covers the three record shapes, so a line is scanned once whatever it is: a
/// bare CDEvent, a CloudEvent in structured mode (the CDEvent under `data`), or a GitHub delivery
/// `{"event", "payload"}`.
package enum EventFields {
  /// CDEvent members, relative to the CDEvent (the record, or a CloudEvent's `data`).
  package enum CD: Int, CaseIterable {
    case id, source, type, timestamp, chainId, links, subjectId, subjectSource
    case environmentId, artifactId, repositoryId, serviceId, changeId, outcome, pipelineName
    case ticketType, ticketGroup, ticketLabels

    package var path: [String] {
      switch self {
      case .id: return ["context", "id"]
      case .source: return ["context", "source"]
      case .type: return ["context", "type"]
      case .timestamp: return ["context", "timestamp"]
      case .chainId: return ["context", "chainId"]
      case .links: return ["context", "links"]
      case .subjectId: return ["subject", "id"]
      case .subjectSource: return ["subject", "source"]
      case .environmentId: return ["subject", "content", "environment", "id"]
      case .artifactId: return ["subject", "content", "artifactId"]
      case .repositoryId: return ["subject", "content", "repository", "id"]
      case .serviceId: return ["subject", "content", "service", "id"]
      case .changeId: return ["subject", "content", "change", "id"]
      case .outcome: return ["subject", "content", "outcome"]
      case .pipelineName: return ["subject", "content", "pipelineName"]
      case .ticketType: return ["subject", "content", "ticketType"]
      case .ticketGroup: return ["subject", "content", "group"]
      case .ticketLabels: return ["subject", "content", "labels"]
      }
    }
  }

  /// GitHub delivery members.
  package enum GitHub: Int, CaseIterable {
    case event, action, repository, defaultBranch, ref, after, commits, headCommitTimestamp
    case deploymentId, deploymentSha, deploymentEnvironment, deploymentProduction
    case statusId, statusState, statusCreatedAt, statusEnvironment
    case runId, runConclusion, runStatus, runStartedAt, runUpdatedAt, runAttempt, runName
    case pullNumber, pullMergedAt, pullMergeSha
    case issueNumber, issueLabels, issueCreatedAt, issueClosedAt

    package var path: [String] {
      switch self {
      case .event: return ["event"]
      case .action: return ["payload", "action"]
      case .repository: return ["payload", "repository", "full_name"]
      case .defaultBranch: return ["payload", "repository", "default_branch"]
      case .ref: return ["payload", "ref"]
      case .after: return ["payload", "after"]
      case .commits: return ["payload", "commits"]
      case .headCommitTimestamp: return ["payload", "head_commit", "timestamp"]
      case .deploymentId: return ["payload", "deployment", "id"]
      case .deploymentSha: return ["payload", "deployment", "sha"]
      case .deploymentEnvironment: return ["payload", "deployment", "environment"]
      case .deploymentProduction: return ["payload", "deployment", "production_environment"]
      case .statusId: return ["payload", "deployment_status", "id"]
      case .statusState: return ["payload", "deployment_status", "state"]
      case .statusCreatedAt: return ["payload", "deployment_status", "created_at"]
      case .statusEnvironment: return ["payload", "deployment_status", "environment"]
      case .runId: return ["payload", "workflow_run", "id"]
      case .runConclusion: return ["payload", "workflow_run", "conclusion"]
      case .runStatus: return ["payload", "workflow_run", "status"]
      case .runStartedAt: return ["payload", "workflow_run", "run_started_at"]
      case .runUpdatedAt: return ["payload", "workflow_run", "updated_at"]
      case .runAttempt: return ["payload", "workflow_run", "run_attempt"]
      case .runName: return ["payload", "workflow_run", "name"]
      case .pullNumber: return ["payload", "pull_request", "number"]
      case .pullMergedAt: return ["payload", "pull_request", "merged_at"]
      case .pullMergeSha: return ["payload", "pull_request", "merge_commit_sha"]
      case .issueNumber: return ["payload", "issue", "number"]
      case .issueLabels: return ["payload", "issue", "labels"]
      case .issueCreatedAt: return ["payload", "issue", "created_at"]
      case .issueClosedAt: return ["payload", "issue", "closed_at"]
      }
    }
  }

  /// Where each group of fields starts in a scan's slots.
  package static let cdevent = 0
  package static let cloudEventData = CD.allCases.count
  package static let github = 2 * CD.allCases.count
  /// The CloudEvents `specversion` at the top of a structured-mode record.
  package static let cloudEventSpecVersion = github + GitHub.allCases.count
  /// The GitHub members of an API delivery record (`GET /repos/…/hooks/…/deliveries/{id}`):
  /// `event` at the top, the payload under `request.payload`.
  package static let githubRequest = cloudEventSpecVersion + 1
  /// A raw webhook body's `repository.full_name` and `sender.login`, to say what it lacks.
  package static let rawRepository = githubRequest + GitHub.allCases.count
  package static let rawSender = rawRepository + 1

  /// Every selected path, numbered by the offsets above.
  package static let selection = JSONFieldSelection(
    CD.allCases.map(\.path) + CD.allCases.map { ["data"] + $0.path } + GitHub.allCases.map(\.path) + [["specversion"]]
      + GitHub.allCases.map { $0 == .event ? ["request", "headers", "X-GitHub-Event"] : ["request"] + $0.path }
      + [["repository", "full_name"], ["sender", "login"]])
}

/// The scanned members of one record, read by name.
package struct EventRecord {
  package let slots: [JSONValue?]
  /// `cdevent` for a bare CDEvent, `cloudEventData` for one inside a CloudEvent.
  package let base: Int
  /// `github` for a delivery `{event, payload}`, `githubRequest` for an API delivery record.
  package var githubBase = EventFields.github

  package subscript(field: EventFields.CD) -> JSONValue? { slots[base + field.rawValue] }
  package subscript(field: EventFields.GitHub) -> JSONValue? {
    // `event` is at the top of both delivery shapes.
    slots[(field == .event ? EventFields.github : githubBase) + field.rawValue]
  }

  /// A member as text: strings as written, integers in decimal (ids are numbers in GitHub payloads).
  package func text(_ field: EventFields.CD) -> String? { Self.text(self[field]) }
  package func text(_ field: EventFields.GitHub) -> String? { Self.text(self[field]) }

  package static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text): return text.isEmpty ? nil : text
    case .int(let number): return String(number)
    default: return nil
    }
  }
}

/// One delivery event, normalised from a CDEvent or a GitHub webhook delivery.
///
/// Only what the metrics need is kept. Identifiers that are only ever compared (event, chain,
/// artifact, change and incident ids) are stored as 64-bit `StableHash`es rather than strings, so
/// millions of events fit in less memory than the export they came from; strings that name a
/// subject for mapping are shared between events of the same subject.
public struct DeliveryEvent: Sendable, Hashable {
  /// What happened, as far as the metrics are concerned.
  public enum Kind: UInt8, Sendable, Hashable {
    /// A change landed (CDEvents `change.merged`, a GitHub commit pushed to the default branch, a merged pull request).
    case change
    /// An artifact was packaged from a change (`artifact.packaged`), linking the two.
    case artifactPackaged
    /// A service was deployed or upgraded (`service.deployed`/`upgraded`, GitHub `deployment_status: success`).
    case deployment
    /// A service was rolled back (`service.rolledback`).
    case rollback
    /// An incident started (`incident.detected`/`reported`, a GitHub issue labelled `Incident`).
    case incidentStarted
    /// An incident was resolved (`incident.resolved`, the labelled issue closed).
    case incidentResolved
    /// A CI pipeline finished (`pipelinerun.finished`, GitHub `workflow_run: completed`).
    case pipelineFinished
    /// A known event type the metrics do not use (tests, approvals, environments, …); tickets are `TicketEvent`s.
    case ignored
  }

  /// The event type as written: `dev.cdevents.service.deployed.0.3.0`, `github.push`.
  public var type: String
  /// When it happened (the CDEvent `context.timestamp`; the GitHub object's own time).
  public var time: Timestamp
  /// `StableHash` of (source, id): duplicates share it and are counted once.
  public var identity: UInt64
  /// `StableHash` of the CDEvent `context.id`, the target of other events' `links`.
  public var context: UInt64 = 0
  /// `StableHash` of `context.chainId`, or 0.
  public var chain: UInt64 = 0
  /// `StableHash`es of the context ids this event links to.
  public var links: [UInt64] = []
  /// The subject to map: a CDEvents subject or service id, or a pipeline name.
  public var subject: String?
  /// The repository: CDEvents `repository.id` or GitHub `owner/name`.
  public var repository: String?
  /// The purl name of the artifact (`myapp` in `pkg:oci/myapp@sha256:…`).
  public var purlName: String?
  /// The environment id or name, for deployments, rollbacks and incidents.
  public var environment: String?
  /// `StableHash` of the artifact id, or 0.
  public var artifact: UInt64 = 0
  /// `StableHash` of the change id or commit SHA: the change itself, the change an artifact was
  /// packaged from, or the commit a GitHub deployment shipped; 0 when none.
  public var change: UInt64 = 0
  /// `StableHash` of the incident's identity (source and subject id, or repository and issue number).
  public var incident: UInt64 = 0
  /// A pipeline's duration in milliseconds, when the export gives its start.
  public var durationMilliseconds: Int64?
  /// What happened.
  public var kind: Kind
  /// Whether the source itself says the environment is production (GitHub `production_environment`).
  public var productionFlag: Bool?
  /// A pipeline's outcome: true for success; nil when not a pipeline or unknown.
  public var succeeded: Bool?

  /// Creates an event; the rest is filled in by the decoders.
  public init(kind: Kind, type: String, time: Timestamp, identity: UInt64) {
    self.kind = kind
    self.type = type
    self.time = time
    self.identity = identity
  }

  /// The name the unmapped-events listing uses for this event's subject.
  public var subjectLabel: String {
    subject ?? repository ?? purlName.map { "pkg:" + $0 } ?? "(no subject)"
  }
}

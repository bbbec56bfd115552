/// The raw figures an entity's delivery metrics are computed from, inside the window.
///
/// Roll-ups (system, domain, group, org) merge their members' samples and compute the metrics
/// again over the pooled figures, so a group's median lead time is the median over all its
/// changes, not a median of medians.
public struct DeliverySample: Sendable, Hashable {
  /// A production deployment in the window.
  public struct Deployment: Sendable, Hashable {
    /// When it happened, in milliseconds since the epoch.
    public var time: Int64
    /// Whether a rollback or an incident attributed to it followed.
    public var failed: Bool
    /// Whether it was made while an incident of its service was open.
    public var rework: Bool

    /// Creates a value from each stored property.
    package init(time: Int64, failed: Bool, rework: Bool) {
      self.time = time
      self.failed = failed
      self.rework = rework
    }
  }

  /// A change whose first production deployment is in the window.
  public struct Change: Sendable, Hashable {
    /// When the change was first deployed to production.
    public var deployedAt: Int64
    /// Change time to that deployment, in hours.
    public var hours: Double

    /// Creates a value from each stored property.
    package init(deployedAt: Int64, hours: Double) {
      self.deployedAt = deployedAt
      self.hours = hours
    }
  }

  /// Production deployments in the window.
  public var deployments: [Deployment] = []
  /// Changes first deployed in the window.
  public var changes: [Change] = []
  /// Recovery times (hours) of the failed deployments in the window that have recovered.
  public var recoveries: [Double] = []
  /// Failed deployments in the window not yet recovered (an incident still open).
  public var openFailures = 0
  /// Events mapped to the entity, all time.
  public var events = 0
  /// CI runs finished in the window with a known outcome.
  public var pipelineRuns = 0
  /// How many of those succeeded.
  public var pipelineSuccesses = 0
  /// CI run durations in minutes, where the export gives them.
  public var pipelineMinutes: [Double] = []

  /// Creates an empty sample.
  public init() {}

  /// Adds another entity's figures.
  public mutating func merge(_ other: DeliverySample) {
    deployments += other.deployments
    changes += other.changes
    recoveries += other.recoveries
    openFailures += other.openFailures
    events += other.events
    pipelineRuns += other.pipelineRuns
    pipelineSuccesses += other.pipelineSuccesses
    pipelineMinutes += other.pipelineMinutes
  }
}

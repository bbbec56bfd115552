/// One subject's delivery figures for one UTC day, computed where the events live (a warehouse job,
/// `contrib/rollups/`) instead of from the raw events: a v1 rollup line, or one day of a v2 line.
///
/// The subject fields are those Waymark maps raw events by (`EventMapper`), so a row belongs to
/// the component its events would. The format is `docs/manual/delivery-rollups.md`.
public struct DeliveryRollup: Sendable, Hashable {
  /// The `format` of a line that holds one subject's day.
  public static let format = "waymark.delivery-rollup/v1"
  /// The `format` of a line that holds one subject's month, a column per figure with an entry per day.
  public static let monthFormat = "waymark.delivery-rollup/v2"
  /// Every format Waymark reads; another is rejected.
  public static let formats = [format, monthFormat]

  /// The UTC day, as a day number since 1970-01-01.
  public var day: Int64
  /// The CDEvents subject or service id, or pipeline name.
  public var subject: String?
  /// The repository (`owner/name`).
  public var repository: String?
  /// The artifact's purl name.
  public var purlName: String?
  /// De-duplicated events of the subject that day, of every kind.
  public var events = 0
  /// Production deployments that day.
  public var deployments = 0
  /// Of those, the ones that failed (a rollback or an attributed incident).
  public var failedDeployments = 0
  /// Of those, the ones made while an incident of the component was open.
  public var reworkDeployments = 0
  /// Failed deployments that day whose incident is still open.
  public var openFailures = 0
  /// Lead times of the changes first deployed that day, in hours.
  public var leadTime = LogHistogram()
  /// Recovery times of the deployments that day that failed and recovered, in hours.
  public var recovery = LogHistogram()
  /// CI runs finished that day with a known outcome.
  public var pipelineRuns = 0
  /// How many of those succeeded.
  public var pipelineSuccesses = 0
  /// CI run durations, in minutes.
  public var pipelineMinutes = LogHistogram()
  /// Where the line is, for diagnostics.
  public var location: SourceLocation

  /// Creates an empty row.
  public init(day: Int64, location: SourceLocation) {
    self.day = day
    self.location = location
  }

  /// The name the unmapped-subjects listing uses.
  public var subjectLabel: String {
    subject ?? repository ?? purlName.map { "pkg:" + $0 } ?? "(no subject)"
  }

  /// The day's start, in milliseconds since the epoch.
  public var dayStart: Int64 { day * 86_400_000 }

  /// Whether the day counts in `window`: its start lies in `[start, end)`. With a window that
  /// ends at midnight UTC this is exactly the set of days whose events the window holds.
  public func isInside(_ window: MetricWindow) -> Bool {
    dayStart >= window.start.millisecondsSinceEpoch && dayStart < window.end.millisecondsSinceEpoch
  }

  /// Adds the row's figures to `sample` when its day is in `window`.
  ///
  /// Deployments and changes are placed at the day's noon (inside the window), which keeps the
  /// day, the week and the deployment-day counts that the metrics derive from their times.
  public func add(to sample: inout DeliverySample, window: MetricWindow) {
    sample.events += events
    guard isInside(window) else { return }
    let noon = dayStart + 43_200_000
    let time = max(window.start.millisecondsSinceEpoch + 1, min(window.end.millisecondsSinceEpoch, noon))
    for index in 0..<deployments {
      sample.deployments.append(
        .init(time: time, failed: index < failedDeployments, rework: index < reworkDeployments))
    }
    sample.changes += leadTime.values.map { DeliverySample.Change(deployedAt: time, hours: $0) }
    sample.recoveries += recovery.values
    sample.openFailures += openFailures
    sample.pipelineRuns += pipelineRuns
    sample.pipelineSuccesses += pipelineSuccesses
    sample.pipelineMinutes += pipelineMinutes.values
  }
}

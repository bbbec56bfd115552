import StructuredData

/// Computes M, the delivery metrics of one entity or roll-up, from its sample.
///
/// The shape is the contract of `api/dora.json` and of the scorecards' `dora` fact:
/// `{"deployments", "deploymentFrequency": {"perDay", "deploymentDaysPerWeek", "bucket", "band"},
/// "leadTimeHours": {"median", "p90", "changes", "band"}, "changeFailureRate": {"value", "failed",
/// "deployments", "band"}, "recoveryHours": {"median", "failures", "band"}, "reworkRate": {"value",
/// "deployments"}, "weekly": [...]}`, plus `events`, `recoveryHours.open` and `ci`. A figure with
/// nothing to rest on is `null`, never 0. Medians and percentiles are interpolated
/// (`PERCENTILE_CONT`), the same as Four Keys.
public struct MetricSummary: Sendable {
  /// The window.
  public var window: MetricWindow
  /// The report whose bands are given.
  public var bands: DORABands

  /// Creates a summary builder.
  public init(window: MetricWindow, bands: DORABands) {
    self.window = window
    self.bands = bands
  }

  /// M for `sample`.
  public func value(for sample: DeliverySample) -> JSONValue {
    let deployments = sample.deployments
    let count = deployments.count
    let failed = deployments.count(where: \.failed)
    let rework = deployments.count(where: \.rework)
    var frequency: JSONValue = ["perDay": nil, "deploymentDaysPerWeek": nil, "bucket": nil, "band": nil]
    if count > 0 {
      let perDay = Double(count) / Double(window.days)
      let days = Set(deployments.map { Self.day(of: $0.time) }).count
      frequency = [
        "perDay": .double(Self.rounded(perDay)),
        "deploymentDaysPerWeek": .double(Self.rounded(Double(days) / (Double(window.days) / 7))),
        "bucket": .string(bucket(deployments.map(\.time))), "band": .string(bands.deploymentFrequency(perDay: perDay)),
      ]
    }
    let leadHours = sample.changes.map(\.hours).sorted()
    let leadMedian = Self.percentile(leadHours, 0.5)
    let recoveries = sample.recoveries.sorted()
    let recoveryMedian = Self.percentile(recoveries, 0.5)
    let rate = count > 0 ? Double(failed) / Double(count) : nil
    return [
      "events": .int(Int64(sample.events)),
      "deployments": .int(Int64(count)),
      "deploymentFrequency": frequency,
      "leadTimeHours": [
        "median": Self.number(leadMedian), "p90": Self.number(Self.percentile(leadHours, 0.9)),
        "changes": .int(Int64(leadHours.count)), "band": Self.text(leadMedian.map { bands.leadTime(hours: $0) }),
      ],
      "changeFailureRate": [
        "value": Self.number(rate), "failed": .int(Int64(failed)), "deployments": .int(Int64(count)),
        "band": Self.text(rate.map { bands.changeFailureRate($0) }),
      ],
      "recoveryHours": [
        "median": Self.number(recoveryMedian), "failures": .int(Int64(recoveries.count)),
        "open": .int(Int64(sample.openFailures)),
        "band": Self.text(recoveryMedian.map { bands.recoveryTime(hours: $0) }),
      ],
      "reworkRate": [
        "value": Self.number(count > 0 ? Double(rework) / Double(count) : nil), "deployments": .int(Int64(rework)),
      ],
      "ci": [
        "runs": .int(Int64(sample.pipelineRuns)),
        "successRate": Self.number(
          sample.pipelineRuns > 0 ? Double(sample.pipelineSuccesses) / Double(sample.pipelineRuns) : nil),
        "medianMinutes": Self.number(Self.percentile(sample.pipelineMinutes.sorted(), 0.5)),
      ],
      "weekly": .array(weekly(sample)),
    ]
  }

  /// Four Keys' deployment-frequency bucket, over whole 7-day and 30-day periods ending at the
  /// window's end: `daily` when the median week has deployments on at least 3 days, else
  /// `weekly` when the median week has one, else `monthly` when the median month has one.
  package func bucket(_ times: [Int64]) -> String {
    let weeks = max(1, window.days / 7)
    let months = max(1, window.days / 30)
    let end = window.end.millisecondsSinceEpoch
    var daysPerWeek = Array(repeating: Set<Int64>(), count: weeks)
    var monthHasDeploy = Array(repeating: 0.0, count: months)
    for time in times {
      let age = end - time
      let week = Int(age / (7 * Self.dayMilliseconds))
      if week < weeks { daysPerWeek[weeks - 1 - week].insert(Self.day(of: time)) }
      let month = Int(age / (30 * Self.dayMilliseconds))
      if month < months { monthHasDeploy[months - 1 - month] = 1 }
    }
    let days = daysPerWeek.map { Double($0.count) }.sorted()
    if (Self.percentile(days, 0.5) ?? 0) >= 3 { return "daily" }
    if (Self.percentile(days.map { min($0, 1) }, 0.5) ?? 0) >= 1 { return "weekly" }
    if (Self.percentile(monthHasDeploy.sorted(), 0.5) ?? 0) >= 1 { return "monthly" }
    return "yearly"
  }

  /// One entry per 7-day period, oldest first, the first clipped to the window's start.
  package func weekly(_ sample: DeliverySample) -> [JSONValue] {
    let weeks = (window.days + 6) / 7
    let end = window.end.millisecondsSinceEpoch
    var deploys = Array(repeating: 0, count: weeks)
    var failures = Array(repeating: 0, count: weeks)
    var leads = Array(repeating: [Double](), count: weeks)
    func slot(_ time: Int64) -> Int? {
      let week = Int((end - time) / (7 * Self.dayMilliseconds))
      return week >= 0 && week < weeks ? weeks - 1 - week : nil
    }
    for deployment in sample.deployments {
      guard let index = slot(deployment.time) else { continue }
      deploys[index] += 1
      if deployment.failed { failures[index] += 1 }
    }
    for change in sample.changes {
      if let index = slot(change.deployedAt) { leads[index].append(change.hours) }
    }
    return (0..<weeks).map { index in
      let start = max(window.start.millisecondsSinceEpoch, end - Int64(weeks - index) * 7 * Self.dayMilliseconds)
      return [
        "start": .string(Timestamp(millisecondsSinceEpoch: start).description),
        "deployments": .int(Int64(deploys[index])), "failed": .int(Int64(failures[index])),
        "changeFailureRate": Self.number(deploys[index] > 0 ? Double(failures[index]) / Double(deploys[index]) : nil),
        "leadTimeHoursMedian": Self.number(Self.percentile(leads[index].sorted(), 0.5)),
      ]
    }
  }

  package static let dayMilliseconds: Int64 = 86_400_000

  /// The UTC day number of an instant.
  package static func day(of milliseconds: Int64) -> Int64 {
    milliseconds >= 0 ? milliseconds / dayMilliseconds : (milliseconds - dayMilliseconds + 1) / dayMilliseconds
  }

  /// The interpolated percentile (`PERCENTILE_CONT`) of sorted values; nil when there are none.
  public static func percentile(_ sorted: [Double], _ fraction: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let rank = fraction * Double(sorted.count - 1)
    let lower = Int(rank.rounded(.down))
    let upper = min(sorted.count - 1, lower + 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - Double(lower))
  }

  /// Four decimal places: enough for hours and rates, and stable to print.
  package static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  package static func number(_ value: Double?) -> JSONValue { value.map { .double(rounded($0)) } ?? .null }
  package static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}

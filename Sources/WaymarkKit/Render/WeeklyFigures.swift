import StructuredData

/// One weekly period of M's `weekly` series: `{"start", "deployments", "failed", "leadTimeHoursMedian", …}`.
struct WeeklyFigures: Sendable, Hashable {
  var deployments: Int
  var failed: Int
  var leadTimeHoursMedian: Double?

  init(_ value: JSONValue) {
    deployments = Int(value["deployments"]?.intValue ?? 0)
    failed = Int(value["failed"]?.intValue ?? 0)
    leadTimeHoursMedian = value["leadTimeHoursMedian"]?.doubleValue
  }
}

import StructuredData

/// One weekly period of M's `weekly` series: `{"start", "deployments", "failed", "leadTimeHoursMedian", …}`.
package struct WeeklyFigures: Sendable, Hashable {
  package var deployments: Int
  package var failed: Int
  package var leadTimeHoursMedian: Double?

  package init(_ value: JSONValue) {
    deployments = Int(value["deployments"]?.intValue ?? 0)
    failed = Int(value["failed"]?.intValue ?? 0)
    leadTimeHoursMedian = value["leadTimeHoursMedian"]?.doubleValue
  }
}

import StructuredData
import WaymarkModel

extension DORAViewModel {
  /// The home page's delivery summary: the organisation's four keys, each with its value and
  /// band (as on the dashboard), a sparkline of its weekly series and an arrow comparing the last
  /// weeks with the weeks before. Nil when no event was mapped to any component.
  package func homeSummary() -> DeliverySummary? {
    let org = delivery.org
    guard (org["events"]?.intValue ?? 0) > 0 else { return nil }
    let weekly = (org["weekly"]?.arrayValue ?? []).map(WeeklyFigures.init)
    let weeks = DeliveryTrend.periodWeeks(seriesLength: weekly.count)
    let tiles = tiles(of: org).tiles
    func tile(_ label: String) -> DeliverySummary.Key {
      let tile = tiles.first { $0.label == label }
      return DeliverySummary.Key(
        label: label, value: tile?.value ?? "no data", band: tile?.band, bandTitle: tile?.bandTitle)
    }
    let deployments = DeliveryTrend(weekly: weekly, preference: .higherIsBetter) { period in
      Double(period.reduce(0) { $0 + $1.deployments })
    }
    let leadTime = DeliveryTrend(weekly: weekly, preference: .lowerIsBetter) { period in
      MetricSummary.percentile(period.compactMap(\.leadTimeHoursMedian).sorted(), 0.5)
    }
    let failureRate = DeliveryTrend(weekly: weekly, preference: .lowerIsBetter) { period in
      let deployed = period.reduce(0) { $0 + $1.deployments }
      return deployed > 0 ? Double(period.reduce(0) { $0 + $1.failed }) / Double(deployed) : nil
    }
    let keys = [
      key(
        tile("Deployment frequency"), trend: deployments,
        format: { "\(Self.decimal($0)) \($0 == 1 ? "deployment" : "deployments")" },
        series: weekly.map { Double($0.deployments) }, seriesLabel: "Production deployments per week"),
      key(
        tile("Lead time for changes"), trend: leadTime, format: Self.hours,
        series: weekly.map(\.leadTimeHoursMedian), seriesLabel: "Median lead time per week"),
      key(
        tile("Change failure rate"), trend: failureRate, format: Self.percent,
        series: weekly.map { $0.deployments > 0 ? Double($0.failed) / Double($0.deployments) : nil },
        seriesLabel: "Change failure rate per week"),
      key(tile("Failed deployment recovery time"), trend: nil, format: Self.hours, series: [], seriesLabel: ""),
    ]
    return DeliverySummary(
      report: delivery.bands.title, window: "\(delivery.window.days) days to \(delivery.window.end.dateString)",
      periodWeeks: weeks, keys: keys)
  }

  private func key(
    _ tile: DeliverySummary.Key, trend: DeliveryTrend?, format: (Double) -> String, series: [Double?],
    seriesLabel: String
  ) -> DeliverySummary.Key {
    var key = tile
    if series.contains(where: { $0 != nil }) {
      key.sparkline = SparklineRenderer().svg(series, label: "\(seriesLabel), \(series.count) weeks, oldest first")
    }
    if let trend {
      let direction = ["up": "Up", "down": "Down", "flat": "Steady"][trend.direction.rawValue] ?? ""
      key.trend = DeliverySummary.Trend(
        arrow: trend.arrow, direction: trend.direction.rawValue, verdict: trend.verdict,
        text:
          "\(direction)\(trend.verdict == "steady" ? "" : " (\(trend.verdict))"): \(format(trend.recent)) in the last "
          + "\(trend.weeks) weeks, \(format(trend.previous)) in the \(trend.weeks) before")
    } else {
      key.noTrend =
        series.isEmpty ? "No weekly series in the metrics, so no trend." : "Not enough weekly data to compare periods."
    }
    return key
  }
}

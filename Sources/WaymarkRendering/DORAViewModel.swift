import StructuredData
import WaymarkModel

/// Turns delivery metrics (M) into what the entity tiles and the DORA dashboard show:
/// raw values first, then the band with its report year, and what each figure rests on.
package struct DORAViewModel {
  package let delivery: DeliveryMetrics

  /// The tiles for one entity's M, or nil when the entity has no metrics.
  package func tiles(for ref: EntityRef) -> DeliveryTiles? {
    delivery.fact(for: ref).map(tiles(of:))
  }

  /// The tiles of one metrics object (an entity's or the organisation's).
  package func tiles(of metrics: JSONValue) -> DeliveryTiles {
    let deployments = metrics["deployments"]?.intValue ?? 0
    let frequency = metrics["deploymentFrequency"]
    let lead = metrics["leadTimeHours"]
    let failure = metrics["changeFailureRate"]
    let recovery = metrics["recoveryHours"]
    let rework = metrics["reworkRate"]
    let tiles = [
      tile(
        "Deployment frequency", value: frequency?["perDay"]?.doubleValue.map { "\(Self.decimal($0)) / day" },
        detail: "\(deployments) production deployments; \(frequency?["bucket"]?.stringValue ?? "no") bucket; "
          + "\(frequency?["deploymentDaysPerWeek"]?.doubleValue.map(Self.decimal) ?? "no data") deployment days a week",
        band: frequency?["band"]),
      tile(
        "Lead time for changes", value: lead?["median"]?.doubleValue.map(Self.hours),
        detail:
          "median of \(lead?["changes"]?.intValue ?? 0) changes; p90 \(lead?["p90"]?.doubleValue.map(Self.hours) ?? "no data")",
        band: lead?["band"]),
      tile(
        "Change failure rate", value: failure?["value"]?.doubleValue.map(Self.percent),
        detail: "\(failure?["failed"]?.intValue ?? 0) of \(deployments) deployments failed", band: failure?["band"]),
      tile(
        "Failed deployment recovery time", value: recovery?["median"]?.doubleValue.map(Self.hours),
        detail:
          "median of \(recovery?["failures"]?.intValue ?? 0) recoveries; \(recovery?["open"]?.intValue ?? 0) still open",
        band: recovery?["band"]),
      tile(
        "Deployment rework rate", value: rework?["value"]?.doubleValue.map(Self.percent),
        detail: "\(rework?["deployments"]?.intValue ?? 0) of \(deployments) deployments made during an incident",
        band: nil),
    ]
    let weekly = metrics["weekly"]?.arrayValue ?? []
    return DeliveryTiles(
      report: delivery.bands.title, window: "\(delivery.window.days) days to \(delivery.window.end.dateString)",
      hasData: (metrics["events"]?.intValue ?? 0) > 0, tiles: tiles,
      sparkline: Self.sparkline(weekly.map { Double($0["deployments"]?.intValue ?? 0) }), weeks: weekly.count)
  }

  private func tile(_ label: String, value: String?, detail: String, band: JSONValue?) -> DeliveryTiles.Tile {
    let band = band?.stringValue
    return DeliveryTiles.Tile(
      label: label, value: value ?? "no data", detail: detail, band: band,
      bandTitle: band.map { $0.prefix(1).uppercased() + $0.dropFirst() })
  }

  /// SVG polyline points for weekly counts in a 100×20 box (numbers only, so safe to template).
  package static func sparkline(_ values: [Double]) -> String {
    guard values.count > 1 else { return "" }
    let top = max(1, values.max() ?? 1)
    return values.enumerated().map { index, value in
      let x = Double(index) * 100 / Double(values.count - 1)
      let y = 20 - value / top * 18 - 1
      return "\(decimal(x)),\(decimal(y))"
    }.joined(separator: " ")
  }

  package static func decimal(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int64(rounded)) }
    var text = String(rounded)
    if text.contains("e") { text = "0" }
    return text
  }

  package static func hours(_ value: Double) -> String {
    value < 48 ? "\(decimal(value)) h" : "\(decimal(value / 24)) days"
  }

  package static func percent(_ value: Double) -> String { "\(decimal(value * 100))%" }
}

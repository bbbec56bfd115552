/// One entity's (or the organisation's) delivery metrics as tiles: raw values first, then the
/// band with its report year, and what each figure rests on.
package struct DeliveryTiles: Codable, Sendable, TemplateDescribed {
  /// One metric.
  package struct Tile: Codable, Sendable, TemplateDescribed {
    package var label: String
    package var value: String
    package var detail: String
    package var band: String?
    package var bandTitle: String?

    package static let keyMeanings = [
      "label": "The metric's name (`Deployment frequency`, …).",
      "value": "Its value with its unit, or `no data`.",
      "detail": "What the value rests on (counts, p90).",
      "band": "The performance band (`elite`, `high`, `medium`, `low`); absent when the metric has none.",
      "bandTitle": "The band, capitalised.",
    ]
  }

  package var report: String
  package var window: String
  package var hasData: Bool
  package var tiles: [Tile]
  package var sparkline: String
  package var weeks: Int

  package static let keyMeanings = [
    "report": "The DORA report the bands come from.",
    "window": "The metrics' window (`90 days to 2025-06-30`).",
    "hasData": "Whether any event counted.",
    "tiles": "The five metrics.",
    "sparkline": "SVG polyline points of weekly deployments (numbers only).",
    "weeks": "How many weeks the sparkline covers.",
  ]
}

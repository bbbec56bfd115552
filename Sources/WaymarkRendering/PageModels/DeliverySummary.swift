/// The home page's delivery summary: the organisation's four keys, each with its value, band,
/// weekly sparkline and trend.
package struct DeliverySummary: Codable, Sendable, TemplateDescribed {
  /// A comparison of the last weeks with the weeks before.
  package struct Trend: Codable, Sendable, TemplateDescribed {
    package var arrow: String
    package var direction: String
    package var verdict: String
    package var text: String

    package static let keyMeanings = [
      "arrow": "`↑`, `↓` or `→`.",
      "direction": "`up`, `down` or `flat`.",
      "verdict": "`better`, `worse` or `steady`.",
      "text": "The comparison in words.",
    ]
  }

  /// One of the four keys.
  package struct Key: Codable, Sendable, TemplateDescribed {
    package var label: String
    package var value: String
    package var band: String?
    package var bandTitle: String?
    package var sparkline: String?
    package var trend: Trend?
    package var noTrend: String?

    package static let keyMeanings = [
      "label": "The metric's name.",
      "value": "Its value with its unit, or `no data`.",
      "band": "The performance band; absent when none.",
      "bandTitle": "The band, capitalised.",
      "sparkline": "An SVG sparkline of the weekly series (trusted markup); absent without data.",
      "trend": "The trend; absent when there is not enough data.",
      "noTrend": "Why there is no trend, when there is none.",
    ]
  }

  package var report: String
  package var window: String
  package var periodWeeks: Int
  package var keys: [Key]

  package static let keyMeanings = [
    "report": "The DORA report the bands come from.",
    "window": "The metrics' window.",
    "periodWeeks": "How many weeks each trend period has.",
    "keys": "The four keys, in DORA's order.",
  ]
}

/// One of the four keys' trend: the value over the last few weekly periods against the same
/// number of periods just before them, for the home page's arrows.
package struct DeliveryTrend: Sendable, Hashable {
  /// Which way the figure moved.
  package enum Direction: String, Sendable {
    case up, down, flat
  }

  /// Whether a rising figure is good news (deployments) or bad news (lead time, failures).
  package enum Preference: Sendable {
    case higherIsBetter, lowerIsBetter
  }

  /// The figure over the most recent periods.
  package let recent: Double
  /// The figure over the periods before those.
  package let previous: Double
  /// How many weekly periods each side covers.
  package let weeks: Int
  package let preference: Preference

  /// Changes smaller than this fraction of the earlier figure count as flat, so a week's noise
  /// does not flip the arrow.
  package static let flatTolerance = 0.05

  /// How many weekly periods each side of a trend covers: up to four, and never more than half
  /// the series; 0 when the series is too short to compare.
  package static func periodWeeks(seriesLength: Int) -> Int {
    min(4, seriesLength / 2)
  }

  /// The trend of `weekly` (oldest first), each side summarised by `summary`; nil when the series
  /// is too short or either side has no data.
  package init?(weekly: [WeeklyFigures], preference: Preference, summary: ([WeeklyFigures]) -> Double?) {
    let weeks = Self.periodWeeks(seriesLength: weekly.count)
    guard weeks > 0,
      let recent = summary(Array(weekly.suffix(weeks))),
      let previous = summary(Array(weekly.dropLast(weeks).suffix(weeks)))
    else { return nil }
    self.recent = recent
    self.previous = previous
    self.weeks = weeks
    self.preference = preference
  }

  package var direction: Direction {
    if previous == 0 { return recent == 0 ? .flat : .up }
    let change = (recent - previous) / abs(previous)
    if abs(change) < Self.flatTolerance { return .flat }
    return change > 0 ? .up : .down
  }

  /// `better`, `worse` or `steady`: the CSS class and the word screen readers hear.
  package var verdict: String {
    switch (direction, preference) {
    case (.flat, _): "steady"
    case (.up, .higherIsBetter), (.down, .lowerIsBetter): "better"
    default: "worse"
    }
  }

  package var arrow: String {
    switch direction {
    case .up: "↑"
    case .down: "↓"
    case .flat: "→"
    }
  }
}

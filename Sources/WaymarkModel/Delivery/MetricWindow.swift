import StructuredData

/// The period metrics are computed over: `days` days ending at the build's "now".
public struct MetricWindow: Sendable, Hashable {
  /// The first instant excluded (the window is `(start, end]`).
  public var start: Timestamp
  /// The build's "now".
  public var end: Timestamp
  /// Its length in days.
  public var days: Int

  /// The window of `days` days ending at `end`.
  public init(end: Timestamp, days: Int) {
    self.end = end
    self.days = days
    self.start = end.adding(days: -days)
  }

  /// Whether `milliseconds` falls inside `(start, end]`.
  public func contains(_ milliseconds: Int64) -> Bool {
    milliseconds > start.millisecondsSinceEpoch && milliseconds <= end.millisecondsSinceEpoch
  }

  /// `{"start", "end", "days"}`.
  public var value: JSONValue {
    ["start": .string(start.description), "end": .string(end.description), "days": .int(Int64(days))]
  }
}

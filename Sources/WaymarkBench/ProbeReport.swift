import StructuredData

/// What one probe measured: the stage's elapsed seconds plus its counts, printed as JSON.
struct ProbeReport: Sendable {
  /// The probe's name (`yaml`, `catalog`).
  var stage: String
  /// Seconds spent in the timed section.
  var seconds: Double
  /// Counts and sub-timings, e.g. `files`, `bytes`, `entities`.
  var fields: [String: JSONValue]

  /// The report as one JSON object: `{"stage", "seconds", …fields}`.
  var value: JSONValue {
    var members = fields
    members["stage"] = .string(stage)
    members["seconds"] = .double(seconds)
    return .object(members)
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}

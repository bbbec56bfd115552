import StructuredData
import WaymarkModel

/// Reads one `waymark.delivery-rollup/v1` line's JSON value — one subject's day — into a
/// `DeliveryRollup`, checking every field.
struct RollupRowReader {
  /// What is wrong with the line, and where in it when that is known.
  struct Invalid: Error {
    var message: String
    var path: ValuePath?

    init(message: String, path: ValuePath? = nil) {
      self.message = message
      self.path = path
    }
  }

  let value: JSONValue
  let location: SourceLocation

  func row() throws(Invalid) -> DeliveryRollup {
    guard value.objectValue != nil else { throw Invalid(message: "a rollup line is a JSON object") }
    guard let format = value["format"]?.stringValue else { throw Invalid(message: "missing format") }
    guard format == DeliveryRollup.format else {
      throw Invalid(
        message: "format '\(format)' is not one Waymark reads (\(DeliveryRollup.formats.joined(separator: ", ")))")
    }
    guard let dayText = value["day"]?.stringValue else { throw Invalid(message: "missing day") }
    guard dayText.utf8.count == 10, let start = Timestamp(iso8601: dayText + "T00:00:00Z") else {
      throw Invalid(message: "day '\(dayText)' is not a date (YYYY-MM-DD)")
    }
    var row = DeliveryRollup(day: start.millisecondsSinceEpoch / 86_400_000, location: location)
    try Self.readSubject(value, into: &row)
    row.events = try count(value, "events")
    row.deployments = try count(value, "deployments")
    row.failedDeployments = try count(value, "failedDeployments")
    row.reworkDeployments = try count(value, "reworkDeployments")
    row.openFailures = try count(value, "openFailures")
    for (name, part) in [("failedDeployments", row.failedDeployments), ("reworkDeployments", row.reworkDeployments)]
    where part > row.deployments {
      throw Invalid(message: "\(name) (\(part)) is more than deployments (\(row.deployments))")
    }
    row.leadTime = try histogram(value["leadTimeHours"], "leadTimeHours")
    row.recovery = try histogram(value["recoveryHours"], "recoveryHours")
    if let pipelines = value["pipelines"], pipelines != .null {
      row.pipelineRuns = try count(pipelines, "runs", in: "pipelines.")
      row.pipelineSuccesses = try count(pipelines, "successes", in: "pipelines.")
      row.pipelineMinutes = try histogram(pipelines["minutes"], "pipelines.minutes")
    }
    return row
  }

  /// The subject, repository and purl name (at least one), as both versions write them.
  static func readSubject(_ value: JSONValue, into row: inout DeliveryRollup) throws(Invalid) {
    row.subject = try text(value, "subject")
    row.repository = try text(value, "repository")
    row.purlName = try text(value, "purl")
    guard row.subject != nil || row.repository != nil || row.purlName != nil else {
      throw Invalid(message: "missing subject, repository and purl: a row needs one to map")
    }
  }

  private static func text(_ value: JSONValue, _ key: String) throws(Invalid) -> String? {
    switch value[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text.isEmpty ? nil : text
    default: throw Invalid(message: "\(key) is not a string", path: ValuePath(keys: key))
    }
  }

  /// A count: a whole number from 0 to 2^31 − 1.
  static func count(_ field: JSONValue) -> Int? {
    guard let number = field.intValue, number >= 0, number <= Int64(Int32.max) else { return nil }
    return Int(number)
  }

  private func count(_ object: JSONValue, _ key: String, in prefix: String = "") throws(Invalid) -> Int {
    guard let field = object[key] else { return 0 }
    guard let number = Self.count(field) else {
      throw Invalid(message: "\(prefix)\(key) is not a count (a whole number ≥ 0)")
    }
    return number
  }

  private func histogram(_ field: JSONValue?, _ name: String) throws(Invalid) -> LogHistogram {
    guard let field, field != .null else { return LogHistogram() }
    var histogram = LogHistogram()
    histogram.count = try count(field, "count", in: name + ".")
    histogram.zeros = try count(field, "zeros", in: name + ".")
    guard let sum = field["sumMilliseconds"]?.intValue ?? (field["sumMilliseconds"] == nil ? 0 : nil), sum >= 0 else {
      throw Invalid(message: "\(name).sumMilliseconds is not a whole number ≥ 0")
    }
    histogram.sumMilliseconds = sum
    var total = histogram.zeros
    for (key, entry) in field["buckets"]?.objectValue ?? [:] {
      guard let index = Int32(key), let number = entry.intValue, number > 0, number <= Int64(Int32.max) else {
        throw Invalid(message: "\(name).buckets['\(key)'] is not a bucket index with a count > 0")
      }
      histogram.buckets[index] = Int(number)
      total += Int(number)
    }
    guard total == histogram.count else {
      throw Invalid(message: "\(name): zeros and buckets add up to \(total), not count \(histogram.count)")
    }
    return histogram
  }
}

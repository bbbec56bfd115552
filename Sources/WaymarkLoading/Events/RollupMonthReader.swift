import StructuredData
import WaymarkModel

/// Reads one `waymark.delivery-rollup/v2` line — one subject's month: `days`, and a column per
/// figure with one entry per day — into a `DeliveryRollup` per day, checking every entry.
///
/// A missing column reads as zeros. Problems name the entry (`deployments[3]`) and carry its path
/// in the line, so the diagnostic points at its column.
struct RollupMonthReader {
  typealias Invalid = RollupRowReader.Invalid

  let value: JSONValue
  let location: SourceLocation

  /// The figures each count column fills.
  private static var counts: [(String, WritableKeyPath<DeliveryRollup, Int>)] {
    [
      ("events", \.events), ("deployments", \.deployments), ("failedDeployments", \.failedDeployments),
      ("reworkDeployments", \.reworkDeployments), ("openFailures", \.openFailures),
    ]
  }

  func rows() throws(Invalid) -> [DeliveryRollup] {
    let (year, month) = try self.month()
    let first = Int64(Timestamp.daysFromCivil(year: year, month: month, day: 1))
    let days = try self.days(limit: Timestamp.daysIn(month: month, year: year), label: "\(year)-\(pad(month))")
    var template = DeliveryRollup(day: 0, location: location)
    try RollupRowReader.readSubject(value, into: &template)
    var rows = days.map { day -> DeliveryRollup in
      var row = template
      row.day = first + Int64(day - 1)
      return row
    }
    for (name, figure) in Self.counts {
      for (index, count) in try counts(value[name], at: ValuePath(keys: name), days: days.count).enumerated() {
        rows[index][keyPath: figure] = count
      }
    }
    for (index, row) in rows.enumerated() {
      for (name, part) in [("failedDeployments", row.failedDeployments), ("reworkDeployments", row.reworkDeployments)]
      where part > row.deployments {
        throw Invalid(
          message: "\(name)[\(index)] (\(part)) is more than deployments[\(index)] (\(row.deployments))",
          path: ValuePath(keys: name).appending(index: index))
      }
    }
    let lead = try histograms(value["leadTimeHours"], at: ValuePath(keys: "leadTimeHours"), days: days.count)
    let recovery = try histograms(value["recoveryHours"], at: ValuePath(keys: "recoveryHours"), days: days.count)
    for index in rows.indices {
      rows[index].leadTime = lead[index]
      rows[index].recovery = recovery[index]
    }
    if let pipelines = value["pipelines"], pipelines != .null {
      try readPipelines(pipelines, into: &rows)
    }
    return rows
  }

  private func readPipelines(_ pipelines: JSONValue, into rows: inout [DeliveryRollup]) throws(Invalid) {
    let path = ValuePath(keys: "pipelines")
    guard pipelines.objectValue != nil else { throw Invalid(message: "pipelines is not an object", path: path) }
    let runs = try counts(pipelines["runs"], at: path.appending("runs"), days: rows.count)
    let successes = try counts(pipelines["successes"], at: path.appending("successes"), days: rows.count)
    let minutes = try histograms(pipelines["minutes"], at: path.appending("minutes"), days: rows.count)
    for index in rows.indices {
      guard successes[index] <= runs[index] else {
        throw Invalid(
          message: "pipelines.successes[\(index)] (\(successes[index])) is more than pipelines.runs[\(index)] "
            + "(\(runs[index]))", path: path.appending("successes").appending(index: index))
      }
      rows[index].pipelineRuns = runs[index]
      rows[index].pipelineSuccesses = successes[index]
      rows[index].pipelineMinutes = minutes[index]
    }
  }

  /// `month`: `YYYY-MM`, years 1–9999.
  private func month() throws(Invalid) -> (Int, Int) {
    guard let text = value["month"]?.stringValue else { throw Invalid(message: "missing month") }
    let bytes = Array(text.utf8)
    let digits = bytes.indices.filter { $0 != 4 }.allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 }
    guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), digits, let year = Int(text.prefix(4)),
      let month = Int(text.suffix(2)), year >= 1, (1...12).contains(month)
    else { throw Invalid(message: "month '\(text)' is not a month (YYYY-MM)", path: ValuePath(keys: "month")) }
    return (year, month)
  }

  /// `days`: the month's days the line has figures for, ascending, each once.
  private func days(limit: Int, label: String) throws(Invalid) -> [Int] {
    let path = ValuePath(keys: "days")
    guard let entries = value["days"]?.arrayValue, !entries.isEmpty else {
      throw Invalid(message: "missing days: a line lists the days of its month it has figures for", path: path)
    }
    var days: [Int] = []
    for (index, entry) in entries.enumerated() {
      guard let day = entry.intValue, day >= 1, day <= limit else {
        throw Invalid(
          message: "days[\(index)] is not a day of \(label) (1–\(limit))", path: path.appending(index: index))
      }
      guard days.last.map({ Int(day) > $0 }) ?? true else {
        throw Invalid(
          message: "days[\(index)] (\(day)) does not follow days[\(index - 1)] (\(days[index - 1])): days are "
            + "ascending, each once", path: path.appending(index: index))
      }
      days.append(Int(day))
    }
    return days
  }

  /// A count column: one whole number ≥ 0 per day; zeros when missing.
  private func counts(_ field: JSONValue?, at path: ValuePath, days: Int) throws(Invalid) -> [Int] {
    guard let field, field != .null else { return Array(repeating: 0, count: days) }
    let entries = try column(field, at: path, days: days)
    var counts: [Int] = []
    for (index, entry) in entries.enumerated() {
      guard let count = RollupRowReader.count(entry) else {
        throw Invalid(
          message: "\(path)[\(index)] is not a count (a whole number ≥ 0)", path: path.appending(index: index))
      }
      counts.append(count)
    }
    return counts
  }

  /// A column's entries, one per day.
  private func column(_ field: JSONValue, at path: ValuePath, days: Int) throws(Invalid) -> [JSONValue] {
    guard let entries = field.arrayValue, entries.count == days else {
      let count = field.arrayValue.map { "has \($0.count) entries" } ?? "is not an array"
      throw Invalid(message: "\(path) \(count); days has \(days)", path: path)
    }
    return entries
  }

  /// A histogram's columns: per day, the buckets as flat `[index, count, …]` pairs (indices
  /// ascending, counts > 0), the exact sum in milliseconds and the zeros; empty when missing.
  private func histograms(_ field: JSONValue?, at path: ValuePath, days: Int) throws(Invalid) -> [LogHistogram] {
    guard let field, field != .null else { return Array(repeating: LogHistogram(), count: days) }
    guard field.objectValue != nil else { throw Invalid(message: "\(path) is not an object", path: path) }
    let zeros = try counts(field["zeros"], at: path.appending("zeros"), days: days)
    let sumsPath = path.appending("sumMilliseconds")
    let sums = try field["sumMilliseconds"].map { sums throws(Invalid) in try column(sums, at: sumsPath, days: days) }
    let bucketsPath = path.appending("buckets")
    let buckets = try field["buckets"].map { buckets throws(Invalid) in
      try column(buckets, at: bucketsPath, days: days)
    }
    var histograms: [LogHistogram] = []
    for day in 0..<days {
      var histogram = LogHistogram()
      histogram.zeros = zeros[day]
      histogram.count = zeros[day]
      let pairs = buckets?[day].arrayValue ?? []
      guard buckets == nil || buckets?[day].arrayValue != nil, pairs.count % 2 == 0 else {
        throw Invalid(
          message: "\(bucketsPath)[\(day)] is not [index, count, …] pairs", path: bucketsPath.appending(index: day))
      }
      var previous: Int64?
      for pair in stride(from: 0, to: pairs.count, by: 2) {
        guard let index = pairs[pair].intValue, index > previous ?? .min, index >= Int64(Int32.min),
          index <= Int64(Int32.max), let count = RollupRowReader.count(pairs[pair + 1]), count > 0
        else {
          throw Invalid(
            message: "\(bucketsPath)[\(day)] is not [index, count, …] pairs with ascending indices and counts > 0",
            path: bucketsPath.appending(index: day))
        }
        previous = index
        histogram.buckets[Int32(index)] = count
        histogram.count += count
      }
      let sum = sums?[day].intValue ?? (sums == nil ? 0 : nil)
      guard let sum, sum >= 0, histogram.count > 0 || sum == 0 else {
        throw Invalid(
          message: "\(sumsPath)[\(day)] is not a whole number ≥ 0 (0 on a day with no values)",
          path: sumsPath.appending(index: day))
      }
      histogram.sumMilliseconds = sum
      histograms.append(histogram)
    }
    return histograms
  }

  private func pad(_ month: Int) -> String { month < 10 ? "0\(month)" : "\(month)" }
}

/// A point in time (`google.protobuf.Timestamp`): seconds and nanoseconds since the Unix epoch, UTC.
///
/// The range is that of the spec: `0001-01-01T00:00:00Z` to `9999-12-31T23:59:59.999999999Z`.
public struct CELTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Whole seconds since 1970-01-01T00:00:00Z.
  public let seconds: Int64
  /// Nanoseconds within the second, 0 ..< 1,000,000,000.
  public let nanos: Int32

  static let minSeconds: Int64 = -62_135_596_800
  static let maxSeconds: Int64 = 253_402_300_799

  /// A timestamp, or nil when outside the year 1 to 9999 or when `nanos` is not within a second.
  public init?(seconds: Int64, nanos: Int32 = 0) {
    guard (Self.minSeconds...Self.maxSeconds).contains(seconds), (0..<1_000_000_000).contains(nanos) else {
      return nil
    }
    self.seconds = seconds
    self.nanos = nanos
  }

  /// Parses RFC 3339 text such as `2009-02-13T23:31:30.5Z` or `2009-02-13T23:31:30+01:00`.
  public init?(rfc3339 text: String) {
    var reader = RFC3339Reader(text)
    guard let parsed = reader.read() else { return nil }
    self.init(seconds: parsed.seconds, nanos: parsed.nanos)
  }

  /// RFC 3339 in UTC with as many fraction digits as needed (`2009-02-13T23:31:30.123Z`).
  public var description: String {
    let civil = CivilTime(secondsSinceEpoch: seconds)
    var text = Self.digits(civil.year, 4) + "-" + Self.digits(civil.month, 2) + "-" + Self.digits(civil.day, 2)
    text += "T" + Self.digits(civil.hour, 2) + ":" + Self.digits(civil.minute, 2) + ":" + Self.digits(civil.second, 2)
    return text + Self.fraction(Int64(nanos)) + "Z"
  }

  /// Earlier timestamps order first.
  public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
    (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
  }

  /// The timestamp moved by a duration, or nil when the result leaves the supported range.
  func adding(_ duration: CELDuration) -> CELTimestamp? {
    let (wholeSeconds, fraction) = duration.nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
    var newSeconds = seconds + wholeSeconds
    var newNanos = Int64(nanos) + fraction
    if newNanos < 0 {
      newNanos += 1_000_000_000
      newSeconds -= 1
    } else if newNanos >= 1_000_000_000 {
      newNanos -= 1_000_000_000
      newSeconds += 1
    }
    return CELTimestamp(seconds: newSeconds, nanos: Int32(newNanos))
  }

  /// The duration from `other` to this timestamp, or nil when it does not fit in a duration.
  func difference(from other: CELTimestamp) -> CELDuration? {
    let (secondsPart, secondsOverflow) = (seconds - other.seconds).multipliedReportingOverflow(by: 1_000_000_000)
    guard !secondsOverflow else { return nil }
    let (total, overflow) = secondsPart.addingReportingOverflow(Int64(nanos) - Int64(other.nanos))
    return overflow ? nil : CELDuration(nanoseconds: total)
  }

  /// `.5`, `.123456789`, or nothing for zero nanoseconds: the fraction part of RFC 3339 and
  /// of duration text, with no trailing zeros.
  static func fraction(_ nanoseconds: Int64) -> String {
    guard nanoseconds > 0 else { return "" }
    var digits = Self.digits(nanoseconds, 9)
    while digits.hasSuffix("0") { digits.removeLast() }
    return "." + digits
  }

  static func digits(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

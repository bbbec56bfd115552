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
    if nanos > 0 {
      var fraction = Self.digits(Int64(nanos), 9)
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    return text + "Z"
  }

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

  static func digits(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

/// The calendar fields of a moment in proleptic Gregorian time, from days since the epoch.
struct CivilTime {
  let year: Int64
  let month: Int64
  let day: Int64
  let hour: Int64
  let minute: Int64
  let second: Int64
  /// Days since 1970-01-01, for the day of the week and year.
  let daysSinceEpoch: Int64

  init(secondsSinceEpoch: Int64) {
    let days = Self.floorDivide(secondsSinceEpoch, 86_400)
    let secondOfDay = secondsSinceEpoch - days * 86_400
    daysSinceEpoch = days
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    second = secondOfDay % 60
    // Howard Hinnant's civil_from_days.
    let shifted = days + 719_468
    let era = Self.floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 of a civil date (Hinnant's days_from_civil).
  static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let adjustedYear = month <= 2 ? year - 1 : year
    let era = floorDivide(adjustedYear, 400)
    let yearOfEra = adjustedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Zero-based day of the year.
  var dayOfYear: Int64 { daysSinceEpoch - Self.days(year: year, month: 1, day: 1) }

  /// Day of the week, Sunday = 0 (1970-01-01 was a Thursday).
  var dayOfWeek: Int64 {
    let weekday = (daysSinceEpoch + 4) % 7
    return weekday < 0 ? weekday + 7 : weekday
  }

  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// Reads RFC 3339 date-times (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`).
private struct RFC3339Reader {
  let bytes: [UInt8]
  var position = 0

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  mutating func read() -> (seconds: Int64, nanos: Int32)? {
    guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
      let day = number(2), expectAny("Tt"), let hour = number(2), expect(UInt8(ascii: ":")),
      let minute = number(2), expect(UInt8(ascii: ":")), let second = number(2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var nanos: Int64 = 0
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      var count = 0
      while position < bytes.count, let digit = digit(at: position) {
        if count < 9 { nanos = nanos * 10 + digit }
        count += 1
        position += 1
      }
      guard count > 0 else { return nil }
      for _ in count..<max(count, 9) { nanos *= 10 }
    }
    guard position < bytes.count else { return nil }
    var offset: Int64 = 0
    switch bytes[position] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      position += 1
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign: Int64 = bytes[position] == UInt8(ascii: "-") ? -1 : 1
      position += 1
      guard let offsetHours = number(2), expect(UInt8(ascii: ":")), let offsetMinutes = number(2),
        offsetHours < 24, offsetMinutes < 60
      else { return nil }
      offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
    default:
      return nil
    }
    guard position == bytes.count else { return nil }
    let days = CivilTime.days(year: year, month: month, day: day)
    return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, Int32(nanos))
  }

  func digit(at index: Int) -> Int64? {
    let byte = bytes[index]
    return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
  }

  mutating func number(_ width: Int) -> Int64? {
    guard position + width <= bytes.count else { return nil }
    var value: Int64 = 0
    for index in position..<position + width {
      guard let digit = digit(at: index) else { return nil }
      value = value * 10 + digit
    }
    position += width
    return value
  }

  mutating func expect(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  mutating func expectAny(_ choices: String) -> Bool {
    guard position < bytes.count, choices.utf8.contains(bytes[position]) else { return false }
    position += 1
    return true
  }
}

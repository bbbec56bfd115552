/// An instant in UTC, at millisecond precision, parsed from and printed as ISO 8601.
///
/// Hand-rolled on the proleptic Gregorian calendar rather than `DateFormatter` so parsing does
/// not depend on the machine's locale or time zone and the type is a plain `Sendable` value.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var millisecondsSinceEpoch: Int64

  /// Creates a timestamp from milliseconds since the Unix epoch.
  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// The Unix epoch, used when nothing gives the build a date.
  public static let epoch = Timestamp(millisecondsSinceEpoch: 0)

  /// Parses `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or `±HH:MM` (a
  /// space may stand for `T`). Years 1–9999 only, in UTC too (`9999-12-31T23:00-01:00` is
  /// nil); anything else is nil.
  public init?(iso8601 text: String) {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for offset in 0..<digits {
        let byte = bytes[index + offset]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += digits
      return value
    }
    func expect(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
      index += 1
      return true
    }
    guard let year = number(4), year >= 1, expect("-"), let month = number(2), (1...12).contains(month), expect("-"),
      let day = number(2), day >= 1, day <= Self.daysIn(month: month, year: year)
    else { return nil }
    var seconds = Int64(Self.daysFromCivil(year: year, month: month, day: day)) * 86_400
    var milliseconds: Int64 = 0
    if index < bytes.count {
      guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: " ")
      else { return nil }
      index += 1
      guard let hour = number(2), hour < 24, expect(":"), let minute = number(2), minute < 60 else { return nil }
      var second = 0
      if expect(":") {
        guard let parsed = number(2), parsed < 61 else { return nil }
        second = min(parsed, 59)
        if expect(".") {
          var digits = 0
          var fraction: Int64 = 0
          while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            if digits < 3 { fraction = fraction * 10 + Int64(bytes[index] - 48) }
            digits += 1
            index += 1
          }
          guard digits > 0 else { return nil }
          if digits < 3 { for _ in digits..<3 { fraction *= 10 } }
          milliseconds = fraction
        }
      }
      seconds += Int64(hour * 3600 + minute * 60 + second)
      guard index < bytes.count else { return nil }
      if expect("Z") || expect("z") {
      } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        index += 1
        guard let offsetHours = number(2), offsetHours < 24 else { return nil }
        _ = expect(":")
        guard let offsetMinutes = number(2), offsetMinutes < 60 else { return nil }
        seconds -= sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
      } else {
        return nil
      }
    }
    guard index == bytes.count else { return nil }
    // An offset can carry 0001-01-01 into year 0 or 9999-12-31 into year 10000, which ISO 8601's
    // four-digit years (and this type's own printing and parsing) cannot represent.
    let instant = seconds * 1000 + milliseconds
    guard instant >= Self.earliest.millisecondsSinceEpoch, instant <= Self.latest.millisecondsSinceEpoch else {
      return nil
    }
    millisecondsSinceEpoch = instant
  }

  /// 0001-01-01T00:00:00Z, the earliest instant parsed.
  public static let earliest = Timestamp(
    millisecondsSinceEpoch: Int64(daysFromCivil(year: 1, month: 1, day: 1)) * 86_400_000)
  /// 9999-12-31T23:59:59.999Z, the latest instant parsed.
  public static let latest = Timestamp(
    millisecondsSinceEpoch: Int64(daysFromCivil(year: 10_000, month: 1, day: 1)) * 86_400_000 - 1)

  /// `YYYY-MM-DDTHH:MM:SSZ`, with `.fff` only when the milliseconds are not zero.
  public var description: String {
    // Floor division without an intermediate that could overflow at the ends of Int64.
    var (totalSeconds, milliseconds) = millisecondsSinceEpoch.quotientAndRemainder(dividingBy: 1000)
    if milliseconds < 0 { (totalSeconds, milliseconds) = (totalSeconds - 1, milliseconds + 1000) }
    var (days, secondOfDay) = totalSeconds.quotientAndRemainder(dividingBy: 86_400)
    if secondOfDay < 0 { (days, secondOfDay) = (days - 1, secondOfDay + 86_400) }
    let (year, month, day) = Self.civil(fromDays: Int(days))
    guard (0...9999).contains(year) else {
      return Self.describe(year: year, month: month, day: day, secondOfDay, milliseconds)
    }
    // Written digit by digit into one buffer: timestamps are printed for every event and every
    // week of every metric, and interpolating padded strings cost an allocation per field.
    return String(unsafeUninitializedCapacity: 24) { buffer in
      var count = 0
      func write(_ value: Int, width: Int, then separator: UInt8) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
          buffer[count] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
          count += 1
          divisor /= 10
        }
        buffer[count] = separator
        count += 1
      }
      write(year, width: 4, then: UInt8(ascii: "-"))
      write(month, width: 2, then: UInt8(ascii: "-"))
      write(day, width: 2, then: UInt8(ascii: "T"))
      write(Int(secondOfDay / 3600), width: 2, then: UInt8(ascii: ":"))
      write(Int(secondOfDay % 3600 / 60), width: 2, then: UInt8(ascii: ":"))
      if milliseconds == 0 {
        write(Int(secondOfDay % 60), width: 2, then: UInt8(ascii: "Z"))
      } else {
        write(Int(secondOfDay % 60), width: 2, then: UInt8(ascii: "."))
        write(Int(milliseconds), width: 3, then: UInt8(ascii: "Z"))
      }
      return count
    }
  }

  /// The text of an instant whose year has other than four digits: after 9999 all its digits,
  /// before year 0 a minus sign and at least four (ISO 8601's expanded years, `-0001`).
  private static func describe(year: Int, month: Int, day: Int, _ secondOfDay: Int64, _ milliseconds: Int64) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value.magnitude)
      return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
    var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
    text +=
      "\(pad(Int(secondOfDay / 3600), 2)):\(pad(Int(secondOfDay % 3600 / 60), 2)):\(pad(Int(secondOfDay % 60), 2))"
    if milliseconds != 0 { text += "." + pad(Int(milliseconds), 3) }
    return text + "Z"
  }

  /// The calendar date, `YYYY-MM-DD`, in UTC.
  public var dateString: String { String(description.prefix(10)) }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }

  /// This instant moved by a number of whole days.
  public func adding(days: Int) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(days) * 86_400_000)
  }

  package static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days.
  package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  package static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

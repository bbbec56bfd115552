import Foundation

/// Timestamp and duration getters (§ Timestamps), in UTC or a named or fixed-offset time zone.
extension CELFunction {
  func applyTimeGetter(_ arguments: [CELValue]) -> CELValue {
    switch arguments[0] {
    case .timestamp(let time):
      var offset: Int64 = 0
      if arguments.count == 2 {
        guard case .string(let zone) = arguments[1] else { return noOverload(arguments) }
        guard let zoneOffset = Self.offset(ofZone: zone, at: time) else {
          return .failure("unknown time zone '\(zone)'")
        }
        offset = zoneOffset
      }
      let civil = CivilTime(secondsSinceEpoch: time.seconds + offset)
      switch self {
      case .getFullYear: return .int(civil.year)
      case .getMonth: return .int(civil.month - 1)
      case .getDate: return .int(civil.day)
      case .getDayOfMonth: return .int(civil.day - 1)
      case .getDayOfWeek: return .int(civil.dayOfWeek)
      case .getDayOfYear: return .int(civil.dayOfYear)
      case .getHours: return .int(civil.hour)
      case .getMinutes: return .int(civil.minute)
      case .getSeconds: return .int(civil.second)
      case .getMilliseconds: return .int(Int64(time.nanos) / 1_000_000)
      default: return noOverload(arguments)
      }
    case .duration(let span) where arguments.count == 1:
      switch self {
      case .getHours: return .int(span.nanoseconds / 3_600_000_000_000)
      case .getMinutes: return .int(span.nanoseconds / 60_000_000_000)
      case .getSeconds: return .int(span.nanoseconds / 1_000_000_000)
      case .getMilliseconds: return .int(span.nanoseconds % 1_000_000_000 / 1_000_000)
      default: return noOverload(arguments)
      }
    default:
      return noOverload(arguments)
    }
  }

  /// Seconds east of UTC for `zone` at `time`: `UTC`, an IANA name, or `[+-]HH:MM`.
  static func offset(ofZone zone: String, at time: CELTimestamp) -> Int64? {
    if let fixed = fixedOffset(zone) { return fixed }
    guard let timeZone = TimeZone(identifier: zone) else { return nil }
    return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.seconds))))
  }

  /// `+11:00`, `-02:30`, and, as the conformance tests use, `02:00` without a sign.
  private static func fixedOffset(_ zone: String) -> Int64? {
    var text = Substring(zone)
    var sign: Int64 = 1
    if let first = text.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      text = text.dropFirst()
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
      let hours = Int64(parts[0]), let minutes = Int64(parts[1]), hours < 24, minutes < 60
    else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }
}

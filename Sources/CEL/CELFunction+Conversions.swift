/// Type conversions (§ Type Conversions): `int uint double string bytes bool dyn type timestamp duration`.
extension CELFunction {
  func convert(_ value: CELValue) -> CELValue {
    switch (self, value) {
    case (.dyn, _): return value
    case (.type, _): return .type(value.celType)
    case (.toInt, _): return Self.toInt(value) ?? noOverload([value])
    case (.toUint, _): return Self.toUint(value) ?? noOverload([value])
    case (.toDouble, .double): return value
    case (.toDouble, .int(let number)): return .double(Double(number))
    case (.toDouble, .uint(let number)): return .double(Double(number))
    case (.toDouble, .string(let text)):
      return Double(text).map(CELValue.double) ?? .failure("cannot convert '\(text)' to double")
    case (.toString, _): return Self.toString(value) ?? noOverload([value])
    case (.toBytes, .bytes): return value
    case (.toBytes, .string(let text)): return .bytes(Array(text.utf8))
    case (.toBool, .bool): return value
    case (.toBool, .string(let text)):
      switch text {
      case "1", "t", "true", "TRUE", "True": return .bool(true)
      case "0", "f", "false", "FALSE", "False": return .bool(false)
      default: return .failure("cannot convert '\(text)' to bool")
      }
    case (.timestamp, .timestamp): return value
    case (.timestamp, .string(let text)):
      return CELTimestamp(rfc3339: text).map(CELValue.timestamp)
        ?? .failure("cannot convert '\(text)' to timestamp: not RFC 3339 or out of range")
    case (.timestamp, .int(let seconds)):
      return CELTimestamp(seconds: seconds).map(CELValue.timestamp) ?? .failure("timestamp out of range")
    case (.duration, .duration): return value
    case (.duration, .string(let text)):
      return CELDuration(parsing: text).map(CELValue.duration)
        ?? .failure("cannot convert '\(text)' to duration: invalid or out of range")
    default:
      return noOverload([value])
    }
  }

  private static func toInt(_ value: CELValue) -> CELValue? {
    switch value {
    case .int: return value
    case .uint(let number):
      return number > UInt64(Int64.max) ? .failure("int conversion out of range") : .int(Int64(number))
    case .double(let number):
      // The open range (minInt, maxInt): both ends round to ±2^63 as doubles.
      guard number.isFinite, number > -9_223_372_036_854_775_808.0, number < 9_223_372_036_854_775_808.0 else {
        return .failure("int conversion out of range")
      }
      return .int(Int64(number.rounded(.towardZero)))
    case .string(let text):
      return Int64(text).map(CELValue.int) ?? .failure("cannot convert '\(text)' to int")
    case .timestamp(let time): return .int(time.seconds)
    default: return nil
    }
  }

  private static func toUint(_ value: CELValue) -> CELValue? {
    switch value {
    case .uint: return value
    case .int(let number): return number < 0 ? .failure("uint conversion out of range") : .uint(UInt64(number))
    case .double(let number):
      guard number.isFinite, number > -1, number < 18_446_744_073_709_551_616.0 else {
        return .failure("uint conversion out of range")
      }
      return .uint(UInt64(number.rounded(.towardZero)))
    case .string(let text):
      return UInt64(text).map(CELValue.uint) ?? .failure("cannot convert '\(text)' to uint")
    default: return nil
    }
  }

  private static func toString(_ value: CELValue) -> CELValue? {
    switch value {
    case .string: return value
    case .bool(let flag): return .string(String(flag))
    case .int(let number): return .string(String(number))
    case .uint(let number): return .string(String(number))
    case .double(let number): return .string(CELNumberFormatter.shortest(number))
    case .bytes(let bytes):
      let text = String(decoding: bytes, as: UTF8.self)
      return text.utf8.elementsEqual(bytes) ? .string(text) : .failure("invalid UTF-8 in bytes to string conversion")
    case .timestamp(let time): return .string(time.description)
    case .duration(let span): return .string(span.description)
    default: return nil
    }
  }
}

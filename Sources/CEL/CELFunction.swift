/// The built-in functions: the standard library and the strings, math and encoders extensions,
/// resolved at compile time.
///
/// The call node passes the receiver (for `x.f(…)`) as the first argument, so each case sees
/// one argument list whichever style was used.
enum CELFunction: Sendable, Equatable {
  // Standard library.
  case size, contains, startsWith, endsWith, matches
  case toInt, toUint, toDouble, toString, toBytes, toBool, dyn, type, timestamp, duration
  case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear
  case getHours, getMinutes, getSeconds, getMilliseconds
  // Strings extension (cel-go `ext.Strings`).
  case charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim, join, reverse
  case format, quote
  // Math extension (cel-go `ext.Math`).
  case greatest, least, ceil, floor, round, trunc, abs, sign, isNaN, isInf, isFinite
  case bitAnd, bitOr, bitXor, bitNot, bitShiftLeft, bitShiftRight
  // Encoders extension (cel-go `ext.Encoders`).
  case base64Encode, base64Decode
  // Optional values (cel-go `OptionalTypes`); `or` and `orValue` are nodes, as they short-circuit.
  case optionalOf, optionalOfNonZeroValue, optionalNone, hasValue, value

  /// Which argument counts (not counting the receiver) each spelling accepts.
  private static let table: [String: (function: CELFunction, global: Set<Int>, receiver: Set<Int>)] = [
    "size": (.size, [1], [0]),
    "contains": (.contains, [], [1]),
    "startsWith": (.startsWith, [], [1]),
    "endsWith": (.endsWith, [], [1]),
    "matches": (.matches, [2], [1]),
    "int": (.toInt, [1], []),
    "uint": (.toUint, [1], []),
    "double": (.toDouble, [1], []),
    "string": (.toString, [1], []),
    "bytes": (.toBytes, [1], []),
    "bool": (.toBool, [1], []),
    "dyn": (.dyn, [1], []),
    "type": (.type, [1], []),
    "timestamp": (.timestamp, [1], []),
    "duration": (.duration, [1], []),
    "getFullYear": (.getFullYear, [], [0, 1]),
    "getMonth": (.getMonth, [], [0, 1]),
    "getDate": (.getDate, [], [0, 1]),
    "getDayOfMonth": (.getDayOfMonth, [], [0, 1]),
    "getDayOfWeek": (.getDayOfWeek, [], [0, 1]),
    "getDayOfYear": (.getDayOfYear, [], [0, 1]),
    "getHours": (.getHours, [], [0, 1]),
    "getMinutes": (.getMinutes, [], [0, 1]),
    "getSeconds": (.getSeconds, [], [0, 1]),
    "getMilliseconds": (.getMilliseconds, [], [0, 1]),
    "charAt": (.charAt, [], [1]),
    "indexOf": (.indexOf, [], [1, 2]),
    "lastIndexOf": (.lastIndexOf, [], [1, 2]),
    "lowerAscii": (.lowerAscii, [], [0]),
    "upperAscii": (.upperAscii, [], [0]),
    "replace": (.replace, [], [2, 3]),
    "split": (.split, [], [1, 2]),
    "substring": (.substring, [], [1, 2]),
    "trim": (.trim, [], [0]),
    "join": (.join, [], [0, 1]),
    "reverse": (.reverse, [], [0]),
    "format": (.format, [], [1]),
    "strings.quote": (.quote, [1], []),
    "math.greatest": (.greatest, Set(1...32), []),
    "math.least": (.least, Set(1...32), []),
    "math.ceil": (.ceil, [1], []),
    "math.floor": (.floor, [1], []),
    "math.round": (.round, [1], []),
    "math.trunc": (.trunc, [1], []),
    "math.abs": (.abs, [1], []),
    "math.sign": (.sign, [1], []),
    "math.isNaN": (.isNaN, [1], []),
    "math.isInf": (.isInf, [1], []),
    "math.isFinite": (.isFinite, [1], []),
    "math.bitAnd": (.bitAnd, [2], []),
    "math.bitOr": (.bitOr, [2], []),
    "math.bitXor": (.bitXor, [2], []),
    "math.bitNot": (.bitNot, [1], []),
    "math.bitShiftLeft": (.bitShiftLeft, [2], []),
    "math.bitShiftRight": (.bitShiftRight, [2], []),
    "base64.encode": (.base64Encode, [1], []),
    "base64.decode": (.base64Decode, [1], []),
    "optional.of": (.optionalOf, [1], []),
    "optional.ofNonZeroValue": (.optionalOfNonZeroValue, [1], []),
    "optional.none": (.optionalNone, [0], []),
    "hasValue": (.hasValue, [], [0]),
    "value": (.value, [], [0]),
  ]

  /// The function called `name` in the given style with `arity` arguments besides any receiver.
  static func resolve(name: String, receiverStyle: Bool, arity: Int) -> CELFunction? {
    guard let entry = table[name] else { return nil }
    return (receiverStyle ? entry.receiver : entry.global).contains(arity) ? entry.function : nil
  }

  /// The CEL name, for error messages.
  var name: String {
    switch self {
    case .toInt: return "int"
    case .toUint: return "uint"
    case .toDouble: return "double"
    case .toString: return "string"
    case .toBytes: return "bytes"
    case .toBool: return "bool"
    case .quote: return "strings.quote"
    case .base64Encode: return "base64.encode"
    case .base64Decode: return "base64.decode"
    case .optionalOf: return "optional.of"
    case .optionalOfNonZeroValue: return "optional.ofNonZeroValue"
    case .optionalNone: return "optional.none"
    case .greatest, .least, .ceil, .floor, .round, .trunc, .abs, .sign, .isNaN, .isInf, .isFinite, .bitAnd, .bitOr,
      .bitXor, .bitNot, .bitShiftLeft, .bitShiftRight:
      return "math.\(self)"
    default: return "\(self)"
    }
  }

  /// Applies the function to evaluated arguments, none of which is an error or unknown.
  func apply(_ arguments: [CELValue]) -> CELValue {
    switch self {
    case .size: return Self.size(arguments[0])
    case .contains, .startsWith, .endsWith, .matches: return applyStringPredicate(arguments)
    case .toInt, .toUint, .toDouble, .toString, .toBytes, .toBool, .dyn, .type, .timestamp, .duration:
      return convert(arguments[0])
    case .getFullYear, .getMonth, .getDate, .getDayOfMonth, .getDayOfWeek, .getDayOfYear, .getHours, .getMinutes,
      .getSeconds, .getMilliseconds:
      return applyTimeGetter(arguments)
    case .charAt, .indexOf, .lastIndexOf, .lowerAscii, .upperAscii, .replace, .split, .substring, .trim, .join,
      .reverse, .format, .quote:
      return applyStringsExtension(arguments)
    case .greatest, .least, .ceil, .floor, .round, .trunc, .abs, .sign, .isNaN, .isInf, .isFinite, .bitAnd, .bitOr,
      .bitXor, .bitNot, .bitShiftLeft, .bitShiftRight, .base64Encode, .base64Decode:
      return applyMath(arguments)
    case .optionalOf, .optionalOfNonZeroValue, .optionalNone, .hasValue, .value:
      return applyOptional(arguments)
    }
  }

  /// The error for arguments of types this function has no overload for.
  func noOverload(_ arguments: [CELValue]) -> CELValue {
    .noOverload(name, arguments: arguments)
  }

  private static func size(_ value: CELValue) -> CELValue {
    switch value {
    case .string(let text): return .int(Int64(text.unicodeScalars.count))
    case .bytes(let bytes): return .int(Int64(bytes.count))
    case .list(let elements): return .int(Int64(elements.count))
    case .map(let map): return .int(Int64(map.count))
    default: return CELFunction.size.noOverload([value])
    }
  }

  private func applyStringPredicate(_ arguments: [CELValue]) -> CELValue {
    guard case .string(let text) = arguments[0], case .string(let other) = arguments[1] else {
      return noOverload(arguments)
    }
    switch self {
    case .contains: return .bool(other.isEmpty || Self.range(of: Array(other.utf8), in: Array(text.utf8)) != nil)
    case .startsWith: return .bool(text.utf8.starts(with: other.utf8))
    case .endsWith: return .bool(text.utf8.reversed().starts(with: other.utf8.reversed()))
    default:
      do {
        return .bool(try CELRegex(other).matches(text))
      } catch {
        return .error(error)
      }
    }
  }

  /// The first index of `needle` in `haystack`, comparing bytes (so code points, not graphemes).
  static func range<T: Equatable>(of needle: [T], in haystack: [T], from start: Int = 0) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    if needle.isEmpty { return start <= haystack.count ? start : nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

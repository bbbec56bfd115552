import StructuredData

/// Resolves plain scalars by the YAML 1.2 core schema, as Backstage's YAML library reads catalogs.
///
/// `yes`/`no`/`on`/`off` stay strings (they were booleans only in YAML 1.1), quoted and block
/// scalars are always strings, and explicit `!!` tags override resolution. Works on UTF-8 bytes:
/// this runs once per plain scalar, and most of them are decided by their first byte.
public enum YAMLCoreSchema {
  /// The standard tag prefix, `tag:yaml.org,2002:`.
  public static let tagPrefix = "tag:yaml.org,2002:"

  /// Resolves a plain scalar's text to a value.
  public static func resolvePlain(_ text: String) -> JSONValue {
    var copy = text
    return copy.withUTF8 { bytes in
      if let resolved = resolve(bytes) { return resolved }
      return .string(text)
    }
  }

  /// The value of an integer in the core schema's forms: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
  ///
  /// Integers beyond `Int64` become doubles, as they would in JavaScript.
  static func integer(_ text: String) -> JSONValue? {
    var copy = text
    return copy.withUTF8 { integer($0) }
  }

  /// The value of a float in the core schema's forms: the decimal form with an optional
  /// fraction and exponent, `.inf`, `-.inf` and `.nan` (in their three spellings).
  static func float(_ text: String) -> Double? {
    var copy = text
    return copy.withUTF8 { bytes in
      if let special = infinityOrNaN(bytes) { return special }
      return decimalFloat(bytes)
    }
  }

  /// Whether `text` is one of the core schema's spellings of null (including the empty string).
  static func isNull(_ text: String) -> Bool {
    if case .null = resolvePlain(text) { return true }
    return false
  }

  /// The non-string value of a plain scalar's bytes, or nil when it is a string.
  static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
    guard let first = bytes.first else { return .null }
    switch first {
    case UInt8(ascii: "~"):
      return bytes.count == 1 ? .null : nil
    case UInt8(ascii: "n"), UInt8(ascii: "N"):
      return matches(bytes, "null", "Null", "NULL") ? .null : nil
    case UInt8(ascii: "t"), UInt8(ascii: "T"):
      return matches(bytes, "true", "True", "TRUE") ? .bool(true) : nil
    case UInt8(ascii: "f"), UInt8(ascii: "F"):
      return matches(bytes, "false", "False", "FALSE") ? .bool(false) : nil
    case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let value = integer(bytes) { return value }
      if let value = infinityOrNaN(bytes) { return .double(value) }
      return decimalFloat(bytes).map(JSONValue.double)
    default:
      return nil
    }
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ spellings: StaticString...) -> Bool {
    for spelling in spellings where spelling.utf8CodeUnitCount == bytes.count {
      let expected = UnsafeBufferPointer(start: spelling.utf8Start, count: spelling.utf8CodeUnitCount)
      if expected.elementsEqual(bytes) { return true }
    }
    return false
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func hexValue(_ byte: UInt8) -> UInt64? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt64(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
    guard let first = bytes.first else { return nil }
    if first == UInt8(ascii: "0"), bytes.count > 2, bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
      let radix: UInt64 = bytes[1] == UInt8(ascii: "o") ? 8 : 16
      var value: UInt64 = 0
      var approximate: Double = 0
      var overflowed = false
      for byte in bytes[2...] {
        guard let digit = hexValue(byte), digit < radix else { return nil }
        approximate = approximate * Double(radix) + Double(digit)
        let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
        let (sum, overflow2) = shifted.addingReportingOverflow(digit)
        overflowed = overflowed || overflow1 || overflow2
        value = sum
      }
      if !overflowed, value <= UInt64(Int64.max) { return .int(Int64(value)) }
      return .double(approximate)
    }
    var index = 0
    let negative = first == UInt8(ascii: "-")
    if negative || first == UInt8(ascii: "+") { index = 1 }
    guard index < bytes.count else { return nil }
    var value: Int64 = 0
    var overflowed = false
    while index < bytes.count {
      let byte = bytes[index]
      guard isDigit(byte) else { return nil }
      let digit = Int64(byte - UInt8(ascii: "0"))
      let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
      // Accumulate negatively so that Int64.min parses.
      let (sum, overflow2) =
        negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      overflowed = overflowed || overflow1 || overflow2
      value = sum
      index += 1
    }
    if !overflowed { return .int(value) }
    return Double(String(decoding: bytes, as: UTF8.self)).map(JSONValue.double)
  }

  /// `.inf`, `+.inf`, `-.inf` and `.nan` in their lower, capitalised and upper spellings.
  private static func infinityOrNaN(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let first = bytes.first else { return nil }
    var body = bytes[...]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
    let rebased = UnsafeBufferPointer(rebasing: body)
    if matches(rebased, ".inf", ".Inf", ".INF") { return first == UInt8(ascii: "-") ? -.infinity : .infinity }
    // Backstage's library also accepts a sign on .nan; the sign means nothing.
    if matches(rebased, ".nan", ".NaN", ".NAN") { return .nan }
    return nil
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
  private static func decimalFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { index = 1 }
    var mantissaDigits = 0
    while index < bytes.count, isDigit(bytes[index]) {
      index += 1
      mantissaDigits += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        mantissaDigits += 1
      }
    }
    guard mantissaDigits > 0 else { return nil }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
      var exponentDigits = 0
      while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard index == bytes.count else { return nil }
    // The grammar above is a subset of what Double's parser accepts, so this never fails.
    return Double(String(decoding: bytes, as: UTF8.self))
  }
}

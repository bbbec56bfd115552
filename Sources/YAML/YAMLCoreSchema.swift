import StructuredData

/// Resolves plain scalars by the YAML 1.2 core schema, as Backstage's YAML library reads catalogs.
///
/// `yes`/`no`/`on`/`off` stay strings (they were booleans only in YAML 1.1), quoted and block
/// scalars are always strings, and explicit `!!` tags override resolution.
public enum YAMLCoreSchema {
  /// The standard tag prefix, `tag:yaml.org,2002:`.
  public static let tagPrefix = "tag:yaml.org,2002:"

  /// Resolves a plain scalar's text to a value.
  public static func resolvePlain(_ text: String) -> JSONValue {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
    case ".nan", ".NaN", ".NAN": return .double(.nan)
    default: break
    }
    guard let first = text.utf8.first,
      first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    else { return .string(text) }
    if let integer = integer(text) { return integer }
    if let double = float(text) { return .double(double) }
    return .string(text)
  }

  /// The value of an integer in the core schema's forms: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
  static func integer(_ text: String) -> JSONValue? {
    var digits = Substring(text)
    if digits.hasPrefix("0o") {
      digits = digits.dropFirst(2)
      guard !digits.isEmpty, digits.allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
      return Int64(digits, radix: 8).map(JSONValue.int) ?? .double(Double(UInt64(digits, radix: 8) ?? 0))
    }
    if digits.hasPrefix("0x") {
      digits = digits.dropFirst(2)
      guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return nil }
      return Int64(digits, radix: 16).map(JSONValue.int) ?? UInt64(digits, radix: 16).map { .double(Double($0)) }
    }
    var body = digits
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    if let value = Int64(digits.first == "+" ? digits.dropFirst() : digits) { return .int(value) }
    return Double(String(digits)).map(JSONValue.double)
  }

  /// The value of a float in the core schema's form: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
  static func float(_ text: String) -> Double? {
    var bytes = Array(text.utf8)[...]
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    var index = bytes.startIndex
    var mantissaDigits = 0
    while index < bytes.endIndex, isDigit(bytes[index]) {
      index += 1
      mantissaDigits += 1
    }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.endIndex, isDigit(bytes[index]) {
        index += 1
        mantissaDigits += 1
      }
    }
    guard mantissaDigits > 0 else { return nil }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
      var exponentDigits = 0
      while index < bytes.endIndex, isDigit(bytes[index]) {
        index += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard index == bytes.endIndex else { return nil }
    var normalized = text
    if normalized.hasPrefix("+") { normalized.removeFirst() }
    if normalized.hasPrefix(".") { normalized = "0" + normalized }
    if normalized.hasPrefix("-.") { normalized = "-0" + normalized.dropFirst() }
    return Double(normalized)
  }
}

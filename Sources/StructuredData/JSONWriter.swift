/// Writes `JSONValue`s as JSON text, deterministically: keys sorted by their UTF-8 bytes.
///
/// Hand-written rather than `JSONEncoder` because output must be byte-identical across runs
/// and platforms (Foundation's float formatting and key order have differed between them).
public struct JSONWriter: Sendable {
  /// Whether to indent with two spaces and put each member on its own line.
  public var pretty: Bool

  /// Creates a writer; `pretty` output ends with a newline.
  public init(pretty: Bool = true) {
    self.pretty = pretty
  }

  /// The JSON text for `value`.
  public func string(for value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(256)
    write(value, into: &out, depth: 0)
    if pretty { out.append("\n") }
    return out
  }

  private func write(_ value: JSONValue, into out: inout String, depth: Int) {
    switch value {
    case .null: out.append("null")
    case .bool(let flag): out.append(flag ? "true" : "false")
    case .int(let number): out.append(String(number))
    case .double(let number): out.append(Self.format(number))
    case .string(let text): Self.appendQuoted(text, to: &out)
    case .array(let elements):
      if elements.isEmpty {
        out.append("[]")
        return
      }
      out.append("[")
      for (index, element) in elements.enumerated() {
        if index > 0 { out.append(",") }
        newline(into: &out, depth: depth + 1)
        write(element, into: &out, depth: depth + 1)
      }
      newline(into: &out, depth: depth)
      out.append("]")
    case .object(let members):
      if members.isEmpty {
        out.append("{}")
        return
      }
      out.append("{")
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (index, key) in keys.enumerated() {
        if index > 0 { out.append(",") }
        newline(into: &out, depth: depth + 1)
        Self.appendQuoted(key, to: &out)
        out.append(pretty ? ": " : ":")
        write(members[key] ?? .null, into: &out, depth: depth + 1)
      }
      newline(into: &out, depth: depth)
      out.append("}")
    }
  }

  private func newline(into out: inout String, depth: Int) {
    guard pretty else { return }
    out.append("\n")
    out.append(String(repeating: "  ", count: depth))
  }

  /// Formats a double the way JavaScript does for the common cases; non-finite values have no
  /// JSON form and are written as `null`.
  static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number)) + ".0"
    }
    return "\(number)"
  }

  /// Appends `text` as a JSON string literal, escaping what JSON requires plus `<`, `>` and `&`
  /// so the text is inert when a JSON file is inlined into HTML.
  ///
  /// The text between escapes is appended in runs, not scalar by scalar: most strings need no
  /// escape and are copied whole (writing the JSON API was a tenth of the render stage's CPU).
  public static func appendQuoted(_ text: String, to out: inout String) {
    out.append("\"")
    let bytes = text.utf8
    var runStart = bytes.startIndex
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let (escape, length) = escaped(at: index, in: bytes)
      guard let escape else {
        index = bytes.index(after: index)
        continue
      }
      // An escape starts at an ASCII byte or at the lead byte of U+2028/U+2029: a scalar boundary
      // (not always a Character's, so the run is cut through the scalars, not the characters).
      out.append(contentsOf: Substring(text.unicodeScalars[runStart..<index]))
      out.append(escape)
      index = bytes.index(index, offsetBy: length)
      runStart = index
    }
    out.append(contentsOf: Substring(text.unicodeScalars[runStart..<index]))
    out.append("\"")
  }

  /// The escape of the character whose UTF-8 starts at `index`, and its length in bytes; nil when
  /// it is written as it is.
  private static func escaped(at index: String.UTF8View.Index, in bytes: String.UTF8View) -> (String?, Int) {
    switch bytes[index] {
    case UInt8(ascii: "\""): return ("\\\"", 1)
    case UInt8(ascii: "\\"): return ("\\\\", 1)
    case UInt8(ascii: "\n"): return ("\\n", 1)
    case UInt8(ascii: "\r"): return ("\\r", 1)
    case UInt8(ascii: "\t"): return ("\\t", 1)
    case UInt8(ascii: "<"): return ("\\u003c", 1)
    case UInt8(ascii: ">"): return ("\\u003e", 1)
    case UInt8(ascii: "&"): return ("\\u0026", 1)
    case 0..<0x20:
      let hex = String(bytes[index], radix: 16)
      return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
    case 0xE2:
      // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
      let second = bytes.index(after: index)
      guard second != bytes.endIndex, bytes[second] == 0x80 else { return (nil, 1) }
      let third = bytes.index(after: second)
      guard third != bytes.endIndex else { return (nil, 1) }
      switch bytes[third] {
      case 0xA8: return ("\\u2028", 3)
      case 0xA9: return ("\\u2029", 3)
      default: return (nil, 1)
      }
    default: return (nil, 1)
    }
  }
}

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
  public static func appendQuoted(_ text: String, to out: inout String) {
    out.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "<": out.append("\\u003c")
      case ">": out.append("\\u003e")
      case "&": out.append("\\u0026")
      case "\u{2028}": out.append("\\u2028")
      case "\u{2029}": out.append("\\u2029")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}

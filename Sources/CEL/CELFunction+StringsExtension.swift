/// The strings extension (cel-go `ext/strings.go`): indexes and lengths count code points.
extension CELFunction {
  func applyStringsExtension(_ arguments: [CELValue]) -> CELValue {
    if self == .join { return Self.join(arguments) ?? noOverload(arguments) }
    if self == .format {
      guard case .string(let template) = arguments[0], case .list(let values) = arguments[1] else {
        return noOverload(arguments)
      }
      return CELStringFormatter.format(template, values)
    }
    guard case .string(let text) = arguments[0] else { return noOverload(arguments) }
    let rest = arguments.dropFirst()
    var strings: [String] = []
    var integers: [Int64] = []
    for argument in rest {
      switch argument {
      case .string(let value) where integers.isEmpty: strings.append(value)
      case .int(let value): integers.append(value)
      default: return noOverload(arguments)
      }
    }
    let result: CELValue?
    switch (self, strings.count, integers.count) {
    case (.charAt, 0, 1): result = Self.charAt(text, integers[0])
    case (.indexOf, 1, 0...1): result = Self.indexOf(text, strings[0], integers.first, last: false)
    case (.lastIndexOf, 1, 0...1): result = Self.indexOf(text, strings[0], integers.first, last: true)
    case (.lowerAscii, 0, 0): result = .string(Self.mapASCII(text, from: 0x41...0x5A))
    case (.upperAscii, 0, 0): result = .string(Self.mapASCII(text, from: 0x61...0x7A))
    case (.replace, 2, 0...1): result = Self.replace(text, strings[0], strings[1], limit: integers.first ?? -1)
    case (.split, 1, 0...1): result = Self.split(text, strings[0], limit: integers.first ?? -1)
    case (.substring, 0, 1...2): result = Self.substring(text, integers[0], integers.count == 2 ? integers[1] : nil)
    case (.trim, 0, 0):
      let scalars = Array(text.unicodeScalars)
      let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.count
      let end = (scalars.lastIndex { !$0.properties.isWhitespace } ?? -1) + 1
      result = .string(Self.string(scalars[start..<max(start, end)]))
    case (.reverse, 0, 0): result = .string(Self.string(text.unicodeScalars.reversed()))
    case (.quote, 0, 0): result = .string(Self.quote(text))
    default: result = nil
    }
    return result ?? noOverload(arguments)
  }

  private static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  private static func charAt(_ text: String, _ index: Int64) -> CELValue {
    let scalars = Array(text.unicodeScalars)
    guard index >= 0, index <= scalars.count else { return .failure("index out of range: \(index)") }
    return .string(index == scalars.count ? "" : String(scalars[Int(index)]))
  }

  private static func indexOf(_ text: String, _ search: String, _ start: Int64?, last: Bool) -> CELValue {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(search.unicodeScalars)
    let origin = start ?? (last ? Int64(scalars.count) : 0)
    guard origin >= 0, origin <= scalars.count else { return .failure("index out of range: \(origin)") }
    if !last { return .int(Int64(range(of: needle, in: scalars, from: Int(origin)) ?? -1)) }
    var candidate = min(Int(origin), scalars.count - needle.count)
    while candidate >= 0 {
      if scalars[candidate..<candidate + needle.count].elementsEqual(needle) { return .int(Int64(candidate)) }
      candidate -= 1
    }
    return .int(-1)
  }

  private static func mapASCII(_ text: String, from range: ClosedRange<UInt8>) -> String {
    String(decoding: text.utf8.map { range.contains($0) ? $0 ^ 0x20 : $0 }, as: UTF8.self)
  }

  /// Go's `strings.Replace`: a negative limit replaces all; an empty `old` matches between code points.
  private static func replace(_ text: String, _ old: String, _ new: String, limit: Int64) -> CELValue {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(old.unicodeScalars)
    let replacement = Array(new.unicodeScalars)
    var matches: [Int] = []
    var index = 0
    while limit < 0 || matches.count < limit, let found = range(of: needle, in: scalars, from: index) {
      matches.append(found)
      index = found + max(needle.count, 1)
    }
    // The one string function whose result can be the product of its inputs' sizes: refuse
    // results beyond 16 Mi code points before building them.
    let resultLength = scalars.count + matches.count * (replacement.count - needle.count)
    guard resultLength <= 16_777_216 else { return .failure("replace: result longer than 16777216 code points") }
    var output = String.UnicodeScalarView()
    index = 0
    for found in matches {
      output.append(contentsOf: scalars[index..<found])
      output.append(contentsOf: replacement)
      index = found + needle.count
    }
    output.append(contentsOf: scalars[min(index, scalars.count)...])
    return .string(String(output))
  }

  /// Go's `strings.SplitN`: limit 0 gives `[]`, a negative limit splits everywhere.
  private static func split(_ text: String, _ separator: String, limit: Int64) -> CELValue {
    if limit == 0 { return .list([]) }
    let scalars = Array(text.unicodeScalars)
    let needle = Array(separator.unicodeScalars)
    var parts: [CELValue] = []
    if needle.isEmpty {
      for (offset, scalar) in scalars.enumerated() {
        if limit > 0 && parts.count == limit - 1 {
          parts.append(.string(string(scalars[offset...])))
          return .list(parts)
        }
        parts.append(.string(String(scalar)))
      }
      return .list(parts)
    }
    var index = 0
    while limit < 0 || parts.count < limit - 1, let found = range(of: needle, in: scalars, from: index) {
      parts.append(.string(string(scalars[index..<found])))
      index = found + needle.count
    }
    parts.append(.string(string(scalars[index...])))
    return .list(parts)
  }

  private static func substring(_ text: String, _ start: Int64, _ end: Int64?) -> CELValue {
    let scalars = Array(text.unicodeScalars)
    let finish = end ?? Int64(scalars.count)
    guard start >= 0, start <= scalars.count else { return .failure("index out of range: \(start)") }
    guard finish >= 0, finish <= scalars.count else { return .failure("index out of range: \(finish)") }
    guard start <= finish else { return .failure("invalid substring range. start: \(start), end: \(finish)") }
    return .string(string(scalars[Int(start)..<Int(finish)]))
  }

  private static func join(_ arguments: [CELValue]) -> CELValue? {
    guard case .list(let elements) = arguments[0] else { return nil }
    var separator = ""
    if arguments.count == 2 {
      guard case .string(let text) = arguments[1] else { return nil }
      separator = text
    }
    var parts: [String] = []
    for element in elements {
      guard case .string(let text) = element else { return .failure("join: list contains a non-string \(element)") }
      parts.append(text)
    }
    return .string(parts.joined(separator: separator))
  }

  /// A double-quoted CEL string literal for `text`, escaping what is not printable.
  static func quote(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{07}": output += "\\a"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{0B}": output += "\\v"
      case "\\": output += "\\\\"
      case "\"": output += "\\\""
      default:
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
          let hex = String(scalar.value, radix: 16)
          output +=
            scalar.value < 0x80
            ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }
}

/// The reading position inside a JSON buffer; the grammar lives in its methods.
@usableFromInline
struct JSONCursor {
  @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
  @usableFromInline let maximumDepth: Int
  @usableFromInline var index = 0

  @usableFromInline
  init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  @inlinable var atEnd: Bool { index >= bytes.count }

  @usableFromInline var peekDescription: String {
    guard index < bytes.count else { return "end of input" }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
    return "0x" + String(byte, radix: 16)
  }

  /// An error at the current position; line and column are computed only here, off the hot path.
  @usableFromInline
  func error(_ message: String, at offset: Int? = nil) -> JSONReadError {
    let target = min(offset ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    var position = 0
    while position < target {
      if bytes[position] == UInt8(ascii: "\n") {
        line += 1
        lineStart = position + 1
      }
      position += 1
    }
    return JSONReadError(message: message, line: line, column: target - lineStart + 1, offset: target)
  }

  mutating func skipByteOrderMark() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
  }

  /// After a member or element: consumes a `,` (false: another follows) or the closing bracket
  /// (true: the container ended); anything else is located as an error.
  @inlinable @inline(__always)
  mutating func finishItem(closing: UInt8, in container: StaticString) throws(JSONReadError) -> Bool {
    skipWhitespace()
    guard index < bytes.count else { throw error("unexpected end of input in \(container)") }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return false
    }
    if bytes[index] == closing {
      index += 1
      return true
    }
    throw itemError(closing: closing, in: container)
  }

  /// The error for a member or element followed by neither `,` nor the closing bracket (kept
  /// out of line: `finishItem` is inlined into every loop over a container).
  @usableFromInline
  func itemError(closing: UInt8, in container: StaticString) -> JSONReadError {
    error("expected ',' or '\(Character(UnicodeScalar(closing)))' in \(container), found '\(peekDescription)'")
  }

  @inlinable @inline(__always)
  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  @usableFromInline
  mutating func readValue(depth: Int) throws(JSONReadError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
    case UInt8(ascii: "["): return try readArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
    default: throw error("unexpected '\(peekDescription)'; expected a value")
    }
  }

  private mutating func expectWord(_ word: StaticString) throws(JSONReadError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw error("unexpected end of input in a literal") }
    let start = word.utf8Start
    for offset in 0..<count where bytes[index + offset] != start[offset] {
      throw error("invalid literal; expected '\(word)'")
    }
    index += count
  }

  private mutating func readObject(depth: Int) throws(JSONReadError) -> JSONValue {
    if depth > maximumDepth { throw error("nesting deeper than \(maximumDepth) levels") }
    index += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error(
          atEnd ? "unexpected end of input in an object" : "expected a string key, found '\(peekDescription)'")
      }
      let key = try readString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after an object key")
      }
      index += 1
      skipWhitespace()
      members[key] = try readValue(depth: depth)
      if try finishItem(closing: UInt8(ascii: "}"), in: "an object") { return .object(members) }
    }
  }

  private mutating func readArray(depth: Int) throws(JSONReadError) -> JSONValue {
    if depth > maximumDepth { throw error("nesting deeper than \(maximumDepth) levels") }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try readValue(depth: depth))
      if try finishItem(closing: UInt8(ascii: "]"), in: "an array") { return .array(elements) }
    }
  }

  private mutating func readNumber() throws(JSONReadError) -> JSONValue {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw error("leading zeros are not allowed") }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after '.'") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let negative = bytes[start] == UInt8(ascii: "-")
    let digits = index - start - (negative ? 1 : 0)
    if isInteger, digits <= 18 {
      // At most 18 digits always fit an Int64: no text to build and parse (line numbers, indexes).
      var magnitude: Int64 = 0
      for position in (negative ? start + 1 : start)..<index {
        magnitude = magnitude * 10 + Int64(bytes[position] &- 0x30)
      }
      return .int(negative ? -magnitude : magnitude)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let integer = Int64(text) { return .int(integer) }
    guard let double = Double(text) else { throw error("invalid number", at: start) }
    return .double(double)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  @usableFromInline
  mutating func readString() throws(JSONReadError) -> String {
    let quote = index
    index += 1
    let start = index
    // Fast path: no escapes. ASCII needs no validation (and the generic `String(validating:)`
    // costs more than the copy for the short strings JSON is made of); other UTF-8 is checked.
    var ascii = true
    while true {
      index = plainRunEnd(from: index)
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string", at: quote)
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("unescaped control character in a string") }
      ascii = false
      index += 1
    }
    guard index < bytes.count else { throw error("unterminated string", at: quote) }
    var scratch: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        guard let text = String(validating: scratch, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string", at: quote)
        }
        return text
      }
      if byte < 0x20 { throw error("unescaped control character in a string") }
      if byte != UInt8(ascii: "\\") {
        scratch.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scratch.append(0x22)
      case UInt8(ascii: "\\"): scratch.append(0x5C)
      case UInt8(ascii: "/"): scratch.append(0x2F)
      case UInt8(ascii: "b"): scratch.append(0x08)
      case UInt8(ascii: "f"): scratch.append(0x0C)
      case UInt8(ascii: "n"): scratch.append(0x0A)
      case UInt8(ascii: "r"): scratch.append(0x0D)
      case UInt8(ascii: "t"): scratch.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar) {
          if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            scalar = 0xFFFD
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          scalar = 0xFFFD
        }
        let unicode = UnicodeScalar(scalar) ?? "\u{FFFD}"
        scratch.append(contentsOf: Array(String(unicode).utf8))
      default:
        throw error("invalid escape '\\\(String(UnicodeScalar(escape)))'", at: index - 2)
      }
    }
    throw error("unterminated string", at: quote)
  }

  private mutating func readHex4() throws(JSONReadError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in a \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}

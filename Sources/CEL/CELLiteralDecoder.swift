/// Decodes the escapes of a string or bytes literal's content (§ String and Bytes Values).
///
/// In strings, `\x`, `\X` and octal escapes give code points; in bytes they give octets, and
/// `\u`/`\U` are refused, as in cel-go.
struct CELLiteralDecoder {
  let content: [UInt8]
  let contentOffset: Int
  let lexer: CELLexer
  var index = 0

  init(content: [UInt8], contentOffset: Int, lexer: CELLexer) {
    self.content = content
    self.contentOffset = contentOffset
    self.lexer = lexer
  }

  mutating func decodeString() throws(CELError) -> String {
    String(decoding: try decode(isBytes: false), as: UTF8.self)
  }

  mutating func decodeBytes() throws(CELError) -> [UInt8] {
    try decode(isBytes: true)
  }

  /// The literal's UTF-8 bytes (strings) or octets (bytes) with escapes resolved.
  private mutating func decode(isBytes: Bool) throws(CELError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(content.count)
    while index < content.count {
      let current = content[index]
      guard current == UInt8(ascii: "\\") else {
        output.append(current)
        index += 1
        continue
      }
      let escapeStart = index
      index += 1
      guard index < content.count else { throw failure("incomplete escape sequence", at: escapeStart) }
      let marker = content[index]
      index += 1
      if let simple = Self.simpleEscape(marker) {
        output.append(simple)
        continue
      }
      let value: UInt32
      switch marker {
      case UInt8(ascii: "x"), UInt8(ascii: "X"): value = try hexDigits(2, escapeStart)
      case UInt8(ascii: "0")...UInt8(ascii: "3"): value = try octalDigits(first: marker, escapeStart)
      case UInt8(ascii: "u") where !isBytes: value = try hexDigits(4, escapeStart)
      case UInt8(ascii: "U") where !isBytes: value = try hexDigits(8, escapeStart)
      default:
        let suffix = isBytes ? " in bytes literal" : ""
        throw failure("invalid escape sequence '\\\(Unicode.Scalar(marker))'\(suffix)", at: escapeStart)
      }
      if isBytes {
        // Both escapes that reach here give at most 0xFF: one octet.
        output.append(UInt8(truncatingIfNeeded: value))
        continue
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw failure("invalid code point in escape sequence", at: escapeStart)
      }
      output.append(contentsOf: String(scalar).utf8)
    }
    return output
  }

  private static func simpleEscape(_ marker: UInt8) -> UInt8? {
    switch marker {
    case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return marker
    case UInt8(ascii: "a"): return 0x07
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "v"): return 0x0B
    default: return nil
    }
  }

  private mutating func hexDigits(_ count: Int, _ escapeStart: Int) throws(CELError) -> UInt32 {
    guard index + count <= content.count,
      let value = UInt32(String(decoding: content[index..<index + count], as: UTF8.self), radix: 16),
      content[index..<index + count].allSatisfy(CELLexer.isHexDigit)
    else { throw failure("invalid hexadecimal escape sequence", at: escapeStart) }
    index += count
    return value
  }

  private mutating func octalDigits(first: UInt8, _ escapeStart: Int) throws(CELError) -> UInt32 {
    guard index + 2 <= content.count else { throw failure("invalid octal escape sequence", at: escapeStart) }
    var value = UInt32(first - UInt8(ascii: "0"))
    for digit in content[index..<index + 2] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else {
        throw failure("invalid octal escape sequence", at: escapeStart)
      }
      value = value * 8 + UInt32(digit - UInt8(ascii: "0"))
    }
    index += 2
    return value
  }

  private func failure(_ message: String, at contentIndex: Int) -> CELError {
    lexer.error(message, at: contentOffset + contentIndex)
  }
}

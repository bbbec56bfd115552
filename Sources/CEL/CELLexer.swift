/// Splits CEL source into tokens (identifiers, literals, operators), skipping whitespace and comments.
struct CELLexer {
  let source: [UInt8]
  private(set) var position = 0
  let sourceText: String

  init(_ text: String) {
    sourceText = text
    source = Array(text.utf8)
  }

  /// All tokens, ending with `.end`.
  mutating func tokenize() throws(CELError) -> [CELToken] {
    var tokens: [CELToken] = []
    while true {
      let token = try next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  func error(_ message: String, at offset: Int) -> CELError {
    CELError(message, offset: offset, in: sourceText)
  }

  private func byte(_ offset: Int) -> UInt8? {
    offset < source.count ? source[offset] : nil
  }

  private mutating func skipTrivia() {
    while let current = byte(position) {
      switch current {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
        position += 1
      case UInt8(ascii: "/") where byte(position + 1) == UInt8(ascii: "/"):
        while let next = byte(position), next != UInt8(ascii: "\n") { position += 1 }
      default:
        return
      }
    }
  }

  private mutating func next() throws(CELError) -> CELToken {
    skipTrivia()
    let start = position
    guard let current = byte(position) else { return CELToken(kind: .end, offset: start) }
    if Self.isDigit(current) || (current == UInt8(ascii: ".") && byte(position + 1).map(Self.isDigit) == true) {
      return CELToken(kind: try number(), offset: start)
    }
    if let literal = try stringLiteralIfPresent() {
      return CELToken(kind: literal, offset: start)
    }
    if Self.isIdentifierStart(current) {
      while let next = byte(position), Self.isIdentifierPart(next) { position += 1 }
      let name = String(decoding: source[start..<position], as: UTF8.self)
      return CELToken(kind: .identifier(name), offset: start)
    }
    if current == UInt8(ascii: "`") {
      return CELToken(kind: try quotedIdentifier(), offset: start)
    }
    return CELToken(kind: .symbol(try symbol()), offset: start)
  }

  private mutating func symbol() throws(CELError) -> CELToken.Symbol {
    let start = position
    if let second = byte(position + 1) {
      let pair = String(decoding: [source[position], second], as: UTF8.self)
      if let symbol = CELToken.Symbol(rawValue: pair) {
        position += 2
        return symbol
      }
    }
    let single = String(decoding: [source[position]], as: UTF8.self)
    if let symbol = CELToken.Symbol(rawValue: single), single != "=", single != "&", single != "|" {
      position += 1
      return symbol
    }
    let text = String(decoding: source[start...].prefix(4), as: UTF8.self).unicodeScalars.first.map(String.init) ?? "?"
    throw error("unexpected character '\(text)'", at: start)
  }

  private mutating func quotedIdentifier() throws(CELError) -> CELToken.Kind {
    let start = position
    position += 1
    let contentStart = position
    while let next = byte(position), next != UInt8(ascii: "`") {
      let allowed = Self.isIdentifierPart(next) || "./- ".utf8.contains(next)
      guard allowed else { throw error("invalid character in quoted identifier", at: position) }
      position += 1
    }
    guard byte(position) == UInt8(ascii: "`") else { throw error("unterminated quoted identifier", at: start) }
    let name = String(decoding: source[contentStart..<position], as: UTF8.self)
    position += 1
    guard !name.isEmpty else { throw error("empty quoted identifier", at: start) }
    return .quotedIdentifier(name)
  }

  private mutating func number() throws(CELError) -> CELToken.Kind {
    let start = position
    if byte(position) == UInt8(ascii: "0"), let marker = byte(position + 1), marker | 0x20 == UInt8(ascii: "x") {
      position += 2
      let digitsStart = position
      while let next = byte(position), Self.isHexDigit(next) { position += 1 }
      let digits = String(decoding: source[digitsStart..<position], as: UTF8.self)
      guard let magnitude = UInt64(digits, radix: 16) else { throw error("invalid hexadecimal literal", at: start) }
      return try integerSuffix(magnitude, start: start)
    }
    while let next = byte(position), Self.isDigit(next) { position += 1 }
    var isDouble = false
    if byte(position) == UInt8(ascii: "."), let next = byte(position + 1), Self.isDigit(next) {
      isDouble = true
      position += 1
      while let next = byte(position), Self.isDigit(next) { position += 1 }
    }
    if let marker = byte(position), marker | 0x20 == UInt8(ascii: "e") {
      var probe = position + 1
      if let sign = byte(probe), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { probe += 1 }
      if let next = byte(probe), Self.isDigit(next) {
        isDouble = true
        position = probe
        while let next = byte(position), Self.isDigit(next) { position += 1 }
      }
    }
    let text = String(decoding: source[start..<position], as: UTF8.self)
    if isDouble {
      guard let value = Double(text) else { throw error("invalid floating-point literal", at: start) }
      return .double(value)
    }
    guard let magnitude = UInt64(text) else { throw error("integer literal out of range", at: start) }
    return try integerSuffix(magnitude, start: start)
  }

  private mutating func integerSuffix(_ magnitude: UInt64, start: Int) throws(CELError) -> CELToken.Kind {
    if let suffix = byte(position), suffix | 0x20 == UInt8(ascii: "u") {
      position += 1
      return .uint(magnitude)
    }
    return .int(magnitude)
  }

  /// A string or bytes literal with its optional `r`/`b` prefixes, or nil if none starts here.
  private mutating func stringLiteralIfPresent() throws(CELError) -> CELToken.Kind? {
    var probe = position
    var isRaw = false
    var isBytes = false
    for _ in 0..<2 {
      guard let next = byte(probe) else { break }
      if next | 0x20 == UInt8(ascii: "r") && !isRaw {
        isRaw = true
      } else if next | 0x20 == UInt8(ascii: "b") && !isBytes {
        isBytes = true
      } else {
        break
      }
      probe += 1
    }
    guard let quote = byte(probe), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return nil }
    let start = position
    position = probe
    let isTriple = byte(position + 1) == quote && byte(position + 2) == quote
    position += isTriple ? 3 : 1
    let contentStart = position
    while true {
      guard let next = byte(position) else { throw error("unterminated string literal", at: start) }
      if next == quote {
        if !isTriple { break }
        if byte(position + 1) == quote && byte(position + 2) == quote { break }
      }
      if !isTriple && (next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")) {
        throw error("newline in string literal", at: position)
      }
      position += next == UInt8(ascii: "\\") && !isRaw ? 2 : 1
    }
    let content = Array(source[contentStart..<min(position, source.count)])
    position += isTriple ? 3 : 1
    var decoder = CELLiteralDecoder(content: content, contentOffset: contentStart, lexer: self)
    if isBytes {
      return .bytes(isRaw ? content : try decoder.decodeBytes())
    }
    return .string(isRaw ? String(decoding: content, as: UTF8.self) : try decoder.decodeString())
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }
  static func isIdentifierStart(_ byte: UInt8) -> Bool { (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F }
  static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}

/// Skipping a value with the full grammar of `readValue` (unlike `skipValue`, which is loose),
/// for `JSONPullReader`: it accepts exactly what `readValue` accepts but builds nothing.
extension JSONCursor {
  /// Moves past one value; throws where `readValue(depth:)` would.
  @usableFromInline
  mutating func skipValueStrictly(depth: Int) throws(JSONReadError) {
    guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): try skipObjectStrictly(depth: depth + 1)
    case UInt8(ascii: "["): try skipArrayStrictly(depth: depth + 1)
    case UInt8(ascii: "\""): try skipStringStrictly()
    default: _ = try readValue(depth: depth)
    }
  }

  /// Skips a string; plain ASCII is checked here, anything else (escapes, UTF-8) by `readString`.
  private mutating func skipStringStrictly() throws(JSONReadError) {
    let end = plainRunEnd(from: index + 1)
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      index = end + 1
      return
    }
    _ = try readString()
  }

  private mutating func skipObjectStrictly(depth: Int) throws(JSONReadError) {
    if depth > maximumDepth { throw error("nesting deeper than \(maximumDepth) levels") }
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error(
          atEnd ? "unexpected end of input in an object" : "expected a string key, found '\(peekDescription)'")
      }
      try skipStringStrictly()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after an object key")
      }
      index += 1
      skipWhitespace()
      try skipValueStrictly(depth: depth)
      if try finishItem(closing: UInt8(ascii: "}"), in: "an object") { return }
    }
  }

  private mutating func skipArrayStrictly(depth: Int) throws(JSONReadError) {
    if depth > maximumDepth { throw error("nesting deeper than \(maximumDepth) levels") }
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      try skipValueStrictly(depth: depth)
      if try finishItem(closing: UInt8(ascii: "]"), in: "an array") { return }
    }
  }
}

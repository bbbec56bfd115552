/// The grammar for `JSONFieldScanner`: matching keys against a selection, and skipping values.
extension JSONCursor {
  /// Scans the object at the cursor, keeping members selected below `node`.
  mutating func scanObject(
    node: Int, selection: JSONFieldSelection, fields: inout [JSONValue?], depth: Int
  ) throws(JSONReadError) {
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
      let child = try matchKey(node: node, selection: selection)
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after an object key")
      }
      index += 1
      skipWhitespace()
      if let child {
        if let field = selection.nodes[child].field {
          fields[field] = try readValue(depth: depth)
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
          try scanObject(node: child, selection: selection, fields: &fields, depth: depth + 1)
        } else {
          try skipValue(depth: depth)
        }
      } else {
        try skipValue(depth: depth)
      }
      if try finishItem(closing: UInt8(ascii: "}"), in: "an object") { return }
    }
  }

  /// Reads the key at the cursor and returns the selected child it names, if any.
  private mutating func matchKey(node: Int, selection: JSONFieldSelection) throws(JSONReadError) -> Int? {
    let start = index + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      index = end + 1
      if selection.nodes[node].keys.isEmpty { return nil }
      return selection.child(of: node, key: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
    // A key with escapes: decode it, then compare.
    let key = Array(try readString().utf8)
    return key.withUnsafeBufferPointer { selection.child(of: node, key: $0) }
  }

  /// Moves past one value, checking structure (brackets, strings, literals) but building nothing.
  mutating func skipValue(depth: Int) throws(JSONReadError) {
    guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "\""): try skipString()
    case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer(depth: depth)
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "-"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      _ = try readValue(depth: depth)
    default: throw error("unexpected '\(peekDescription)'; expected a value")
    }
  }

  private mutating func skipString() throws(JSONReadError) {
    let quote = index
    index += 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return
      }
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte < 0x20 { throw error("unescaped control character in a string") }
      index += 1
    }
    throw error("unterminated string", at: quote)
  }

  /// Skips an object or array by counting brackets; keys, commas and colons are checked loosely
  /// (a stray byte between tokens is an error), which is enough to catch truncated lines.
  private mutating func skipContainer(depth: Int) throws(JSONReadError) {
    var stack: [UInt8] = []
    repeat {
      guard index < bytes.count else { throw error("unexpected end of input in a nested value") }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if depth + stack.count >= maximumDepth { throw error("nesting deeper than \(maximumDepth) levels") }
        stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard stack.last == byte else { throw error("unexpected '\(peekDescription)'") }
        stack.removeLast()
        index += 1
      case UInt8(ascii: "\""): try skipString()
      case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x0A, 0x0D, 0x09: index += 1
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "-"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        _ = try readValue(depth: depth)
      default: throw error("unexpected '\(peekDescription)'; expected a value")
      }
    } while !stack.isEmpty
  }
}

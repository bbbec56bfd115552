/// Walks one JSON document member by member, building values only where the caller asks.
///
/// For large documents of which a consumer needs some parts (the results of a 6 MB log, not its
/// invocations): the caller visits objects with `members` and arrays with `elements`, reads the
/// values it wants with `readValue`, and everything else is skipped. Skipped values are checked
/// with `JSONReader`'s grammar, depth limit and UTF-8 rules, so a document this accepts is one
/// `JSONReader` accepts; `offset` gives each value's byte position for locating it.
public struct JSONPullReader {
  /// What kind of value starts at the reading position.
  public enum ValueKind: Sendable, Equatable {
    case object, array, other
  }

  @usableFromInline var cursor: JSONCursor
  /// How many arrays and objects enclose the reading position.
  @usableFromInline var depth = 0
  /// The current member's key, as a range of the input when it has no escapes.
  @usableFromInline var keyRange: Range<Int> = 0..<0
  /// The current member's key, decoded, when it has escapes.
  @usableFromInline var decodedKey: [UInt8]?

  init(cursor: JSONCursor) {
    self.cursor = cursor
  }

  /// Reads the one JSON document in `bytes` (a leading byte-order mark is skipped): `body` must
  /// consume its top-level value; anything after it but whitespace is an error.
  public static func read<Value>(
    _ bytes: [UInt8], maximumDepth: Int = 512, _ body: (inout JSONPullReader) throws(JSONReadError) -> Value
  ) throws(JSONReadError) -> Value {
    let outcome: Result<Value, JSONReadError> = bytes.withUnsafeBufferPointer { buffer in
      var reader = JSONPullReader(cursor: JSONCursor(bytes: buffer, maximumDepth: maximumDepth))
      return Result { () throws(JSONReadError) in
        reader.cursor.skipByteOrderMark()
        reader.cursor.skipWhitespace()
        let start = reader.cursor.index
        let value = try body(&reader)
        if reader.cursor.index == start { try reader.skipValue() }
        reader.cursor.skipWhitespace()
        if !reader.cursor.atEnd {
          throw reader.cursor.error("unexpected '\(reader.cursor.peekDescription)' after the JSON value")
        }
        return value
      }
    }
    return try outcome.get()
  }

  /// The byte offset of the reading position (the start of the next value).
  @inlinable public var offset: Int { cursor.index }

  /// The length of the document in bytes.
  @inlinable public var byteCount: Int { cursor.bytes.count }

  /// The kind of the value at the reading position.
  @inlinable @inline(__always)
  public var nextKind: ValueKind {
    guard cursor.index < cursor.bytes.count else { return .other }
    switch cursor.bytes[cursor.index] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    default: return .other
    }
  }

  /// Builds the value at the reading position.
  @inlinable
  public mutating func readValue() throws(JSONReadError) -> JSONValue {
    try cursor.readValue(depth: depth)
  }

  /// Moves past the value at the reading position, checking it as `readValue` would.
  @inlinable
  public mutating func skipValue() throws(JSONReadError) {
    try cursor.skipValueStrictly(depth: depth)
  }

  /// Whether the current member (inside `members`) is named `name`.
  @inlinable @inline(__always)
  public func isKey(_ name: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount
    let start = name.utf8Start
    if let decodedKey {
      guard decodedKey.count == count else { return false }
      for index in 0..<count where decodedKey[index] != start[index] { return false }
      return true
    }
    guard keyRange.count == count else { return false }
    let base = keyRange.lowerBound
    for index in 0..<count where cursor.bytes[base + index] != start[index] { return false }
    return true
  }

  /// Visits the members of the object at the reading position: `body` is called with the reader
  /// at each member's value (its key in `isKey`); a value `body` does not consume is skipped.
  @inlinable
  public mutating func members(_ body: (inout JSONPullReader) throws(JSONReadError) -> Void) throws(JSONReadError) {
    guard nextKind == .object else { throw cursor.error("expected an object, found '\(cursor.peekDescription)'") }
    if depth + 1 > cursor.maximumDepth { throw cursor.error("nesting deeper than \(cursor.maximumDepth) levels") }
    depth += 1
    cursor.index += 1
    cursor.skipWhitespace()
    if cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "}") {
      cursor.index += 1
      depth -= 1
      return
    }
    while true {
      cursor.skipWhitespace()
      guard cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "\"") else {
        throw cursor.error(
          cursor.atEnd
            ? "unexpected end of input in an object" : "expected a string key, found '\(cursor.peekDescription)'")
      }
      try readKey()
      cursor.skipWhitespace()
      guard cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: ":") else {
        throw cursor.error("expected ':' after an object key")
      }
      cursor.index += 1
      cursor.skipWhitespace()
      let start = cursor.index
      try body(&self)
      if cursor.index == start { try skipValue() }
      if try cursor.finishItem(closing: UInt8(ascii: "}"), in: "an object") {
        depth -= 1
        return
      }
    }
  }

  /// Visits the elements of the array at the reading position: `body` is called with the reader
  /// at each element and its index; an element `body` does not consume is skipped.
  @inlinable
  public mutating func elements(_ body: (inout JSONPullReader, Int) throws(JSONReadError) -> Void) throws(JSONReadError)
  {
    guard nextKind == .array else { throw cursor.error("expected an array, found '\(cursor.peekDescription)'") }
    if depth + 1 > cursor.maximumDepth { throw cursor.error("nesting deeper than \(cursor.maximumDepth) levels") }
    depth += 1
    cursor.index += 1
    cursor.skipWhitespace()
    if cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "]") {
      cursor.index += 1
      depth -= 1
      return
    }
    var count = 0
    while true {
      cursor.skipWhitespace()
      let start = cursor.index
      try body(&self, count)
      if cursor.index == start { try skipValue() }
      count += 1
      if try cursor.finishItem(closing: UInt8(ascii: "]"), in: "an array") {
        depth -= 1
        return
      }
    }
  }

  /// Reads a key without building a `String` unless it has escapes; checked as `readString` is.
  @inlinable
  mutating func readKey() throws(JSONReadError) {
    let start = cursor.index + 1
    var end = cursor.plainRunEnd(from: start)
    var ascii = true
    while end < cursor.bytes.count, cursor.bytes[end] >= 0x80 {
      ascii = false
      end = cursor.plainRunEnd(from: end + 1)
    }
    if end < cursor.bytes.count, cursor.bytes[end] == UInt8(ascii: "\""),
      ascii || String(validating: UnsafeBufferPointer(rebasing: cursor.bytes[start..<end]), as: UTF8.self) != nil
    {
      keyRange = start..<end
      decodedKey = nil
      cursor.index = end + 1
      return
    }
    // Escapes, a control character, bad UTF-8 or the end of input: the full reader decides.
    decodedKey = Array(try cursor.readString().utf8)
  }
}

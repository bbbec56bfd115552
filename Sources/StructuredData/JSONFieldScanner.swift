/// Reads only the selected members of JSON objects, skipping everything else without building it.
///
/// For large exports (millions of JSON Lines) where a consumer needs a dozen fields of each
/// record: building a whole `JSONValue` tree per line spends most of its time allocating
/// dictionaries and strings that are thrown away. Skipped values are still checked for
/// balanced brackets and terminated strings, so a truncated or garbled line is an error with
/// its position, as with `JSONReader`.
public struct JSONFieldScanner: Sendable {
  /// The members to keep.
  public let selection: JSONFieldSelection
  /// The deepest nesting accepted.
  public var maximumDepth: Int

  /// Creates a scanner for `selection`.
  public init(selection: JSONFieldSelection, maximumDepth: Int = 512) {
    self.selection = selection
    self.maximumDepth = maximumDepth
  }

  /// Scans one JSON document (which must be an object) into `fields`, one slot per selected
  /// path, nil where the path is absent. Line and column in errors count from `bytes`' start.
  public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into fields: inout [JSONValue?]) throws(JSONReadError) {
    if fields.count != selection.count {
      fields = Array(repeating: nil, count: selection.count)
    } else {
      for index in fields.indices { fields[index] = nil }
    }
    var cursor = JSONCursor(bytes: bytes, maximumDepth: maximumDepth)
    cursor.skipByteOrderMark()
    cursor.skipWhitespace()
    guard !cursor.atEnd, bytes[cursor.index] == UInt8(ascii: "{") else {
      throw cursor.error(
        cursor.atEnd
          ? "unexpected end of input; expected an object" : "expected an object, found '\(cursor.peekDescription)'")
    }
    try cursor.scanObject(node: 0, selection: selection, fields: &fields, depth: 1)
    cursor.skipWhitespace()
    if !cursor.atEnd {
      throw cursor.error("unexpected '\(cursor.peekDescription)' after the JSON value")
    }
  }

  /// The byte ranges of the elements of a top-level JSON array, for scanning each with `scan`.
  ///
  /// Elements are checked as `scan` checks skipped values; a leading byte-order mark is skipped.
  public func elementRanges(of bytes: UnsafeBufferPointer<UInt8>) throws(JSONReadError) -> [Range<Int>] {
    var cursor = JSONCursor(bytes: bytes, maximumDepth: maximumDepth)
    cursor.skipByteOrderMark()
    cursor.skipWhitespace()
    guard !cursor.atEnd, bytes[cursor.index] == UInt8(ascii: "[") else {
      throw cursor.error("expected an array")
    }
    cursor.index += 1
    var ranges: [Range<Int>] = []
    cursor.skipWhitespace()
    if !cursor.atEnd, bytes[cursor.index] == UInt8(ascii: "]") {
      cursor.index += 1
    } else {
      while true {
        cursor.skipWhitespace()
        let start = cursor.index
        try cursor.skipValue(depth: 1)
        ranges.append(start..<cursor.index)
        if try cursor.finishItem(closing: UInt8(ascii: "]"), in: "an array") { break }
      }
    }
    cursor.skipWhitespace()
    if !cursor.atEnd { throw cursor.error("unexpected '\(cursor.peekDescription)' after the JSON value") }
    return ranges
  }

  /// The 1-based line and column of byte `offset` in `bytes`, for locating an element.
  public static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
    let cursor = JSONCursor(bytes: bytes, maximumDepth: 0)
    let error = cursor.error("", at: offset)
    return (error.line, error.column)
  }
}

/// Parses JSON text into `JSONValue`s, reporting errors with 1-based line and column.
///
/// A byte-level recursive-descent parser: Foundation's `JSONDecoder` measured about 36 MB/s on
/// this project's event exports, too slow for millions of events, and it reports no positions.
/// Nesting is bounded by `maximumDepth` so hostile input cannot exhaust the stack.
public struct JSONReader: Sendable {
  /// The deepest nesting of arrays and objects accepted.
  public var maximumDepth: Int

  /// Creates a reader.
  public init(maximumDepth: Int = 512) {
    self.maximumDepth = maximumDepth
  }

  /// Parses one JSON document from `text`.
  public func parse(_ text: String) throws(JSONReadError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses one JSON document from UTF-8 `bytes`; a leading byte-order mark is skipped.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONReadError) -> JSONValue {
    var cursor = JSONCursor(bytes: bytes, maximumDepth: maximumDepth)
    cursor.skipByteOrderMark()
    cursor.skipWhitespace()
    let value = try cursor.readValue(depth: 0)
    cursor.skipWhitespace()
    if !cursor.atEnd {
      throw cursor.error("unexpected '\(cursor.peekDescription)' after the JSON value")
    }
    return value
  }

  /// Parses one JSON document from UTF-8 `bytes`.
  public func parse(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
    let result: Result<JSONValue, JSONReadError> = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONReadError) in try parse(buffer) }
    }
    return try result.get()
  }
}

/// Why and where JSON text could not be parsed.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, e.g. `expected ':' after an object key`.
  public var message: String
  /// The 1-based line of the offending byte.
  public var line: Int
  /// The 1-based column (in bytes) of the offending byte.
  public var column: Int
  /// The byte offset of the offending byte.
  public var offset: Int

  /// Creates an error.
  public init(message: String, line: Int, column: Int, offset: Int) {
    self.message = message
    self.line = line
    self.column = column
    self.offset = offset
  }

  public var description: String { "\(line):\(column): \(message)" }
}

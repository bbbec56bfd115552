/// Writes values in the build cache's binary form: integers as LEB128 varints, strings and
/// byte arrays with their length first, keys as their 32 bytes.
///
/// The form carries no field names or types: a reader reads back exactly what the writer wrote,
/// in the same order, and the cache file's checksum and format version guard against anything
/// else (`CacheRecordReader` still checks every length against the bytes left).
public struct CacheRecordWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  /// An empty writer.
  public init() {}

  /// Adds an unsigned integer.
  public mutating func add(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Adds a signed integer (zig-zag, so small negatives stay short).
  public mutating func add(_ value: Int) {
    let wide = Int64(value)
    add(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  /// Adds a boolean.
  public mutating func add(_ flag: Bool) {
    bytes.append(flag ? 1 : 0)
  }

  /// Adds a double, bit for bit.
  public mutating func add(_ value: Double) {
    add(value.bitPattern)
  }

  /// Adds a string, with its length in bytes.
  public mutating func add(_ text: String) {
    var copy = text
    copy.withUTF8 { utf8 in
      add(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Adds an optional string: absent and empty differ.
  public mutating func add(_ text: String?) {
    add(text != nil)
    if let text { add(text) }
  }

  /// Adds bytes, with their length.
  public mutating func add(_ data: [UInt8]) {
    add(UInt64(data.count))
    bytes.append(contentsOf: data)
  }

  /// Adds a key, its 32 bytes.
  public mutating func add(_ key: MemoKey) {
    for word in [key.words.0, key.words.1, key.words.2, key.words.3] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
  }

  /// Adds a value that writes itself.
  public mutating func add<Value: CacheRecordCodable>(_ value: Value) {
    value.write(to: &self)
  }

  /// Adds an array, its count first.
  public mutating func add<Value: CacheRecordCodable>(_ values: [Value]) {
    add(UInt64(values.count))
    for value in values { value.write(to: &self) }
  }

  /// Adds an optional value.
  public mutating func add<Value: CacheRecordCodable>(_ value: Value?) {
    add(value != nil)
    if let value { value.write(to: &self) }
  }
}

/// A value that the build cache stores in its binary form.
public protocol CacheRecordCodable {
  /// Writes the value.
  func write(to writer: inout CacheRecordWriter)
  /// Reads a value written by `write(to:)`.
  init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt)
}

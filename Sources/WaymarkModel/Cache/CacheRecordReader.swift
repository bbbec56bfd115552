/// Reads values written by `CacheRecordWriter`, in the same order; anything that does not fit
/// (a length past the end, a bad tag) throws `Corrupt`, and the cache entry is then not used.
public struct CacheRecordReader: Sendable {
  /// The bytes do not hold what the reader expected.
  public struct Corrupt: Error, Sendable {
    /// Creates the error.
    public init() {}
  }

  private let bytes: [UInt8]
  private var index: Int
  private let end: Int

  /// A reader of `range` of `bytes` (all of them by default).
  public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    index = range?.lowerBound ?? 0
    end = range?.upperBound ?? bytes.count
  }

  /// Whether every byte was read.
  public var isAtEnd: Bool { index >= end }

  /// The offset of the next byte to read.
  public var offset: Int { index }

  /// Reads an unsigned integer.
  public mutating func uint() throws(Corrupt) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard index < end, shift < 64 else { throw Corrupt() }
      let byte = bytes[index]
      index += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// Reads a signed integer.
  public mutating func int() throws(Corrupt) -> Int {
    let raw = try uint()
    let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    guard let narrow = Int(exactly: value) else { throw Corrupt() }
    return narrow
  }

  /// Reads a count of elements still to come, each at least `minimumBytes` long (so a corrupt
  /// count cannot ask for more memory than the bytes left could hold).
  public mutating func count(minimumBytes: Int = 1) throws(Corrupt) -> Int {
    let raw = try uint()
    guard raw <= UInt64(max(0, end - index) / max(1, minimumBytes)) else { throw Corrupt() }
    return Int(raw)
  }

  /// Reads a boolean.
  public mutating func bool() throws(Corrupt) -> Bool {
    guard index < end, bytes[index] <= 1 else { throw Corrupt() }
    index += 1
    return bytes[index - 1] == 1
  }

  /// Reads a double.
  public mutating func double() throws(Corrupt) -> Double {
    Double(bitPattern: try uint())
  }

  /// Reads the range of the next length-prefixed bytes, without copying them.
  public mutating func span() throws(Corrupt) -> Range<Int> {
    let count = try count()
    defer { index += count }
    return index..<(index + count)
  }

  /// Reads a string.
  public mutating func string() throws(Corrupt) -> String {
    let range = try span()
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// Reads an optional string.
  public mutating func optionalString() throws(Corrupt) -> String? {
    try bool() ? try string() : nil
  }

  /// Reads bytes.
  public mutating func byteArray() throws(Corrupt) -> [UInt8] {
    Array(bytes[try span()])
  }

  /// Reads a key.
  public mutating func key() throws(Corrupt) -> MemoKey {
    guard end - index >= 32 else { throw Corrupt() }
    var words: [UInt64] = [0, 0, 0, 0]
    for offset in 0..<32 { words[offset / 8] = words[offset / 8] << 8 | UInt64(bytes[index + offset]) }
    index += 32
    return MemoKey(words[0], words[1], words[2], words[3])
  }

  /// Reads a value that reads itself.
  public mutating func value<Value: CacheRecordCodable>(_ type: Value.Type = Value.self) throws(Corrupt) -> Value {
    try Value(from: &self)
  }

  /// Reads an array written by `CacheRecordWriter.add(_:)`.
  public mutating func array<Value: CacheRecordCodable>(of type: Value.Type = Value.self) throws(Corrupt) -> [Value] {
    let count = try count()
    var values: [Value] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try Value(from: &self)) }
    return values
  }

  /// Reads an optional value.
  public mutating func optional<Value: CacheRecordCodable>(_ type: Value.Type = Value.self) throws(Corrupt) -> Value? {
    try bool() ? try Value(from: &self) : nil
  }
}

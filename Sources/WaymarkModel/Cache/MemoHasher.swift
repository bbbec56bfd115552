import Crypto

/// Builds a `MemoKey` from the values a computation reads, each written with its length or
/// tag so that different sequences of values never run together into the same bytes.
///
/// Small values are gathered in a buffer and handed to SHA-256 in blocks; large byte arrays go
/// straight through.
public struct MemoHasher {
  private var state = SHA256()
  private var buffer: [UInt8] = []

  /// A hasher for keys of one kind (`"docs-page"`), so keys of different kinds never meet.
  public init(_ kind: String) {
    buffer.reserveCapacity(4096)
    add(kind)
  }

  /// Adds a string, with its length.
  public mutating func add(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in
      addLength(bytes.count)
      add(raw: UnsafeRawBufferPointer(bytes))
    }
  }

  /// Adds bytes, with their length.
  public mutating func add(_ bytes: [UInt8]) {
    addLength(bytes.count)
    bytes.withUnsafeBytes { add(raw: $0) }
  }

  /// Adds an integer.
  public mutating func add(_ value: Int) {
    add(UInt64(bitPattern: Int64(value)))
  }

  /// Adds an unsigned 64-bit integer.
  public mutating func add(_ value: UInt64) {
    withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    flushIfFull()
  }

  /// Adds a boolean.
  public mutating func add(_ flag: Bool) {
    buffer.append(flag ? 1 : 0)
    flushIfFull()
  }

  /// Adds another key.
  public mutating func add(_ key: MemoKey) {
    add(key.words.0)
    add(key.words.1)
    add(key.words.2)
    add(key.words.3)
  }

  /// Adds an optional string: absent and empty differ.
  public mutating func add(_ text: String?) {
    add(text != nil)
    if let text { add(text) }
  }

  /// The key of everything added.
  public func finish() -> MemoKey {
    var state = self.state
    buffer.withUnsafeBytes { state.update(bufferPointer: $0) }
    return MemoKey(state.finalize())
  }

  private mutating func addLength(_ count: Int) {
    add(UInt64(count))
  }

  private mutating func add(raw bytes: UnsafeRawBufferPointer) {
    if bytes.count > 1024 {
      flush()
      state.update(bufferPointer: bytes)
    } else {
      buffer.append(contentsOf: bytes)
      flushIfFull()
    }
  }

  private mutating func flushIfFull() {
    if buffer.count >= 4096 { flush() }
  }

  private mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { state.update(bufferPointer: $0) }
    buffer.removeAll(keepingCapacity: true)
  }
}

import Crypto

/// A SHA-256 digest naming a value by everything it was computed from (a memo's key), or a
/// file's bytes: equal keys mean equal inputs, so a value cached under one may be used again.
public struct MemoKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The digest's 32 bytes, as four big-endian words.
  public var words: (UInt64, UInt64, UInt64, UInt64)

  /// A key from its four words.
  public init(_ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64) {
    words = (first, second, third, fourth)
  }

  /// The key of a SHA-256 digest.
  public init(_ digest: SHA256.Digest) {
    var parts: [UInt64] = [0, 0, 0, 0]
    digest.withUnsafeBytes { raw in
      for (index, byte) in raw.enumerated() { parts[index / 8] = parts[index / 8] << 8 | UInt64(byte) }
    }
    self.init(parts[0], parts[1], parts[2], parts[3])
  }

  /// The key of a lowercase hex SHA-256 (64 digits, as `api/build.json` records it), or nil.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var parts: [UInt64] = [0, 0, 0, 0]
    for (index, digit) in digits.enumerated() {
      let value: UInt8
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
      default: return nil
      }
      parts[index / 16] = parts[index / 16] << 4 | UInt64(value)
    }
    self.init(parts[0], parts[1], parts[2], parts[3])
  }

  /// The key of `bytes`' SHA-256.
  public static func digest(of bytes: [UInt8]) -> MemoKey {
    bytes.withUnsafeBytes { digest(of: $0) }
  }

  /// The key of `bytes`' SHA-256.
  public static func digest(of bytes: ArraySlice<UInt8>) -> MemoKey {
    bytes.withUnsafeBytes { digest(of: $0) }
  }

  /// The key of `bytes`' SHA-256.
  public static func digest(of bytes: UnsafeRawBufferPointer) -> MemoKey {
    var state = SHA256()
    state.update(bufferPointer: bytes)
    return MemoKey(state.finalize())
  }

  /// The lowercase hex digits.
  public var description: String {
    [words.0, words.1, words.2, words.3].map { word in
      let hex = String(word, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  public static func == (lhs: MemoKey, rhs: MemoKey) -> Bool {
    lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
      && lhs.words.3 == rhs.words.3
  }

  public static func < (lhs: MemoKey, rhs: MemoKey) -> Bool {
    (lhs.words.0, lhs.words.1, lhs.words.2, lhs.words.3) < (rhs.words.0, rhs.words.1, rhs.words.2, rhs.words.3)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(words.0)
    hasher.combine(words.1)
  }
}

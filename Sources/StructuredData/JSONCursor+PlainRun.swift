/// Finding the end of the plain part of a string eight bytes at a time.
///
/// Most of a JSON document is string bytes that need nothing done (ASCII, not a quote, not a
/// backslash); checking them one at a time was most of the cost of reading keys and values.
extension JSONCursor {
  /// The index of the first byte at or after `start` that is a quote, a backslash, a control
  /// character (below 0x20) or not ASCII (0x80 and up), or the end of input.
  @inlinable
  func plainRunEnd(from start: Int) -> Int {
    var position = start
    let count = bytes.count
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while position + 8 <= count {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        let special = Self.specialBytes(in: word)
        // Byte 0 of the word is its lowest; each flag is exact, so the lowest set is the first.
        if special != 0 { return position + special.trailingZeroBitCount / 8 }
        position += 8
      }
    }
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return position }
      position += 1
    }
    return count
  }

  /// The high bit of each byte of `word` that is a quote, a backslash, below 0x20 or 0x80 and up;
  /// no other bit. No step carries from one byte into the next.
  @inlinable
  static func specialBytes(in word: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let high: UInt64 = 0x8080_8080_8080_8080
    // A byte is zero exactly when adding 0x7F to its low seven bits leaves the high bit clear
    // and its own high bit is clear.
    func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & low7) &+ low7) | value | low7) }
    let quotes = zeroBytes(word ^ 0x2222_2222_2222_2222)
    let backslashes = zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
    // Below 0x20 exactly when adding 0x60 to the low seven bits leaves the high bit clear.
    let controls = ~(((word & low7) &+ 0x6060_6060_6060_6060) | word) & high
    return quotes | backslashes | controls | (word & high)
  }
}

import StructuredData

/// The bytes being parsed, with a forward-only map from libyaml's character indexes to byte offsets.
///
/// libyaml's marks count characters, not bytes; the checks that look at the source around an
/// event need byte offsets. Events arrive in source order, so a cursor that only moves forward
/// maps every mark in one pass over the text. Lives only for one `YAMLLoader.load` call.
struct YAMLSourceText {
  let bytes: UnsafeBufferPointer<UInt8>
  /// False for UTF-16 input, whose bytes the character cursor cannot walk.
  let isUTF8: Bool
  private let contentStart: Int
  private var cursorCharacter = 0
  private var cursorByte: Int

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    let first = bytes.count >= 2 ? (bytes[0], bytes[1]) : (0, 0)
    isUTF8 = !(first == (0xFE, 0xFF) || first == (0xFF, 0xFE))
    // libyaml skips a UTF-8 byte-order mark without counting it as a character.
    let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    contentStart = hasMark ? 3 : 0
    cursorByte = contentStart
  }

  /// The byte offset of the character libyaml numbers `index` (0-based, after any byte-order mark).
  mutating func offset(ofCharacter index: Int) -> Int {
    if index < cursorCharacter {
      cursorCharacter = 0
      cursorByte = contentStart
    }
    if let base = bytes.baseAddress {
      // ASCII runs, eight characters at a time.
      while index - cursorCharacter >= 8, bytes.count - cursorByte >= 8,
        UnsafeRawPointer(base + cursorByte).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        cursorByte += 8
        cursorCharacter += 8
      }
    }
    while cursorCharacter < index, cursorByte < bytes.count {
      cursorByte += 1
      // Continuation bytes (10xxxxxx) belong to the character already counted.
      while cursorByte < bytes.count, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
      cursorCharacter += 1
    }
    return cursorByte
  }

  /// What one quick pass over the text finds before parsing.
  struct Survey: Equatable {
    /// The offset of the first NUL byte, if any.
    var firstNUL: Int?
    /// Whether a line starts with `.`, `%` or a tab (only then can `YAMLStreamPreparation` have work).
    var hasPreparableLineStart: Bool
  }

  /// Looks for NUL bytes and for lines starting with `.`, `%` or a tab, eight bytes at a time: this
  /// runs over every input, so words without a NUL or line break are skipped whole.
  static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> Survey {
    var survey = Survey(firstNUL: nil, hasPreparableLineStart: false)
    guard let base = bytes.baseAddress else { return survey }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    var atLineStart = true
    var index = 0
    while index < bytes.count {
      if index + 8 <= bytes.count, !atLineStart {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if !hasZeroByte(word) && !hasZeroByte(word ^ (ones &* 0x0A)) && !hasZeroByte(word ^ (ones &* 0x0D)) {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte == 0 {
        survey.firstNUL = index
        return survey
      }
      if atLineStart && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\t")) {
        survey.hasPreparableLineStart = true
      }
      atLineStart = byte == 0x0A || byte == 0x0D
      index += 1
    }
    return survey
  }

  /// The byte at `offset`, or nil past the end.
  func byte(at offset: Int) -> UInt8? {
    offset >= 0 && offset < bytes.count ? bytes[offset] : nil
  }

  /// The 1-based position of a byte offset, counting lines as libyaml does (LF, CR, CR LF,
  /// NEL, LS, PS) and columns in Unicode scalars.
  static func position(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
    var line = 1
    var column = 1
    var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    let limit = min(offset, bytes.count)
    while index < limit {
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
        line += 1
        column = 1
      } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourcePosition(line: line, column: column)
  }

  /// The position just past the last character of `bytes`, UTF-8 or UTF-16 with a byte-order mark.
  static func endPosition(of bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
    guard !YAMLSourceText(bytes: bytes).isUTF8 else { return position(ofOffset: bytes.count, in: bytes) }
    let littleEndian = bytes[0] == 0xFF
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      units.append(UInt16(high) << 8 | UInt16(low))
      index += 2
    }
    let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
    return utf8.withUnsafeBufferPointer { position(ofOffset: $0.count, in: $0) }
  }
}

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
    while cursorCharacter < index, cursorByte < bytes.count {
      cursorByte += 1
      // Continuation bytes (10xxxxxx) belong to the character already counted.
      while cursorByte < bytes.count, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
      cursorCharacter += 1
    }
    return cursorByte
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
      } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourcePosition(line: line, column: column)
  }
}

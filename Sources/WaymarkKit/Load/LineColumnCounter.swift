import StructuredData

/// Turns byte offsets of a text, asked for in increasing order, into 1-based lines and columns
/// (in bytes, as `JSONPositionIndex` counts them) with one pass over the text in all.
struct LineColumnCounter {
  private let bytes: [UInt8]
  private var scanned = 0
  private var line = 1
  private var lineStart = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The position of byte `offset`; an offset before the last one asked for starts over.
  mutating func position(of offset: Int) -> SourcePosition {
    if offset < scanned {
      scanned = 0
      line = 1
      lineStart = 0
    }
    let end = min(offset, bytes.count)
    var cursor = scanned
    var line = self.line
    var lineStart = self.lineStart
    bytes.withUnsafeBytes { buffer in
      // Eight bytes at a time (a pass over tens of megabytes of SARIF): after the xor a newline
      // byte is zero, and the expression sets the high bit of exactly the zero bytes, with no
      // carry between bytes.
      let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      while cursor + 8 <= end {
        let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)) ^ 0x0A0A_0A0A_0A0A_0A0A
        let newlines = ~(((word & low7) &+ low7) | word | low7)
        if newlines != 0 {
          line += newlines.nonzeroBitCount
          // The highest set bit is the word's last newline (byte 0 is the lowest).
          lineStart = cursor + (63 - newlines.leadingZeroBitCount) / 8 + 1
        }
        cursor += 8
      }
      while cursor < end {
        if buffer[cursor] == UInt8(ascii: "\n") {
          line += 1
          lineStart = cursor + 1
        }
        cursor += 1
      }
    }
    scanned = cursor
    self.line = line
    self.lineStart = lineStart
    return SourcePosition(line: line, column: offset - lineStart + 1)
  }
}

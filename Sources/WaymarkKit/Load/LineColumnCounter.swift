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
    bytes.withUnsafeBufferPointer { buffer in
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

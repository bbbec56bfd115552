import StructuredData

/// Turns byte offsets into line and column positions, for offsets asked in increasing order.
///
/// It remembers how far it has counted, so locating every result of a log is one pass over the
/// file, not one per result; an offset before the last one starts the count again.
package struct LineColumnCounter {
  private let bytes: [UInt8]
  private var scanned = 0
  private var line = 1
  private var lineStart = 0
  /// Bytes looked at so far (forwards for newlines, backwards for a column): at most twice the
  /// text for offsets in increasing order, however many there are.
  package private(set) var bytesWalked = 0

  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The 1-based line and column (in bytes) of `offset`.
  package mutating func position(of offset: Int) -> SourcePosition {
    if offset < scanned {
      scanned = 0
      line = 1
      lineStart = 0
    }
    let end = min(offset, bytes.count)
    let start = scanned
    var newlines = 0
    var lastLineStart = lineStart
    bytes.withUnsafeBytes { buffer in
      newlines = Self.countNewlines(in: buffer, from: start, to: end)
      // The column needs only where the last line starts: walking back from the offset, never
      // past what was counted before (a one-line log of a million results stays linear).
      var cursor = end
      while cursor > start, buffer[cursor - 1] != UInt8(ascii: "\n") { cursor -= 1 }
      if cursor > start { lastLineStart = cursor }
      bytesWalked += (end - start) + (end - cursor)
    }
    line += newlines
    lineStart = lastLineStart
    scanned = end
    return SourcePosition(line: line, column: offset - lineStart + 1)
  }

  /// The number of newline bytes in `buffer[start..<end]`, sixteen bytes at a time (SSE2 on
  /// x86-64, NEON on arm64): a log of tens of megabytes is counted once per build.
  private static func countNewlines(in buffer: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    var cursor = start
    var total = 0
    let newline = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
    while cursor + 16 <= end {
      // A lane counts down by one per newline (a true mask lane is all ones, -1 as Int8); at
      // most 127 blocks before the lanes are summed, so no lane can wrap.
      var lanes = SIMD16<Int8>()
      let blocks = min((end - cursor) / 16, 127)
      for _ in 0..<blocks {
        let chunk = buffer.loadUnaligned(fromByteOffset: cursor, as: SIMD16<UInt8>.self)
        lanes &+= unsafeBitCast(chunk .== newline, to: SIMD16<Int8>.self)
        cursor += 16
      }
      total -= Int(SIMD16<Int16>(truncatingIfNeeded: lanes).wrappedSum())
    }
    while cursor < end {
      if buffer[cursor] == UInt8(ascii: "\n") { total += 1 }
      cursor += 1
    }
    return total
  }
}

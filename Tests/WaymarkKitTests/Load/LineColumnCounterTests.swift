import Testing
import WaymarkModel

/// Lines are counted sixteen bytes at a time: every offset must get the line and column that
/// counting byte by byte gives, wherever the newlines fall in a block.
@Suite struct LineColumnCounterTests {
  /// Line and column of `offset` counted one byte at a time.
  func naive(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return (line, offset - lineStart + 1)
  }

  /// Lines of lengths 0 to 19 (so newlines land at every position of a word, and several in one).
  static let text: [UInt8] = (0..<60).flatMap { length in
    Array(repeating: UInt8(ascii: "x"), count: length % 20) + [UInt8(ascii: "\n")]
  }

  @Test func everyOffsetInIncreasingOrderMatchesCountingByteByByte() {
    var counter = LineColumnCounter(Self.text)
    for offset in 0...Self.text.count {
      let position = counter.position(of: offset)
      let (line, column) = naive(Self.text, offset)
      #expect(position.line == line && position.column == column, "offset \(offset)")
    }
  }

  @Test func largeStepsAndAStepBackStartOver() {
    var counter = LineColumnCounter(Self.text)
    for offset in [3, 200, 57, 511, 12, Self.text.count] {
      let position = counter.position(of: offset)
      let (line, column) = naive(Self.text, offset)
      #expect(position.line == line && position.column == column, "offset \(offset)")
    }
  }

  /// Long lines (more than 127 blocks of sixteen without a newline) and short steps inside them:
  /// the column comes from the last newline before the offset, however far back it is.
  @Test func offsetsInsideLongLinesMatchCountingByteByByte() {
    let text: [UInt8] = [0, 1, 15, 16, 17, 31, 32, 33, 2047, 4000, 5].flatMap { length in
      Array(repeating: UInt8(ascii: "y"), count: length) + [UInt8(ascii: "\n")]
    }
    var counter = LineColumnCounter(text)
    for offset in stride(from: 0, through: text.count + 3, by: 13) {
      let position = counter.position(of: offset)
      let (line, column) = naive(text, offset)
      #expect(position.line == line && position.column == column, "offset \(offset)")
    }
  }
}

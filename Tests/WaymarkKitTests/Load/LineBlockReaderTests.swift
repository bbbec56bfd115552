import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// A line over the limit is never held whole: its start is dropped once it passes the limit and
/// the rest is read a block at a time, so memory stays near the limit however long the line.
@Suite struct LineBlockReaderTests {
  /// Every block of `text`, read `blockBytes` at a time with lines of at most `maximumLineBytes`.
  func blocks(_ text: [UInt8], blockBytes: Int, maximumLineBytes: Int) throws -> (
    [LineBlockReader.Block], LineBlockReader
  ) {
    let root = try SiteFixture.make([:])
    let url = root.appendingPathComponent("e.jsonl")
    try Data(text).write(to: url)
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var reader = LineBlockReader(
      descriptor: handle.fileDescriptor, blockBytes: blockBytes, maximumLineBytes: maximumLineBytes)
    var blocks: [LineBlockReader.Block] = []
    while let block = reader.next() { blocks.append(block) }
    return (blocks, reader)
  }

  private func describe(_ block: LineBlockReader.Block) -> String {
    switch block {
    case .lines(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .overlongLine(let byteCount): return "<line of \(byteCount) bytes>"
    }
  }

  /// The attack's shape, scaled: a line 1,000 times the limit between two short ones.
  @Test func anOverlongLineIsSkippedWithinTheLimit() throws {
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
    let text = Array("a\n".utf8) + long + Array("\r\nb\nc".utf8)
    let (blocks, reader) = try blocks(text, blockBytes: 100, maximumLineBytes: 1_000)
    #expect(blocks.map(describe).joined() == "a\n<line of 1000000 bytes>b\nc")
    #expect(reader.byteCount == text.count)
    #expect(reader.peakBufferBytes <= 1_001 + 100)
  }

  @Test func aLineAtTheLimitIsKept() throws {
    let line = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000)
    let (blocks, reader) = try blocks(line + [0x0A] + line, blockBytes: 64, maximumLineBytes: 1_000)
    #expect(blocks == [.lines(line + [0x0A]), .lines(line)])
    #expect(reader.peakBufferBytes <= 1_001)
  }

  @Test func anOverlongLastLineWithoutABreakIsReported() throws {
    let (blocks, _) = try blocks(
      Array("ok\n".utf8) + [UInt8](repeating: 0x20, count: 5_000), blockBytes: 256, maximumLineBytes: 1_000)
    #expect(blocks == [.lines(Array("ok\n".utf8)), .overlongLine(byteCount: 5_000)])
  }

  /// Through the loader: the over-long record is the existing located warning, the next one is read.
  @Test func theLoaderReportsTheSkippedRecordAtItsLine() async throws {
    let huge = EventLoaderLimitTests.record.replacingOccurrences(of: "ID", with: "1").replacingOccurrences(
      of: "SUBJECT", with: String(repeating: "s", count: 17 << 20))
    let next = EventLoaderLimitTests.record.replacingOccurrences(of: "ID", with: "2").replacingOccurrences(
      of: "SUBJECT", with: "svc")
    let root = try SiteFixture.make([
      "e.jsonl": next + "\n" + huge + "\r\n" + next.replacingOccurrences(of: "\"2\"", with: "\"3\"") + "\n"
    ])
    let result = await EventLoader(root: root, chunkBytes: 1 << 20).load(paths: ["e.jsonl"])
    #expect(result.events.count == 2)
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(result.diagnostics))
        == "e.jsonl:2:1: warning: record is \(huge.utf8.count) bytes, over the 16 MiB limit for one event record; it is not read [events.malformed]\n"
    )
  }
}

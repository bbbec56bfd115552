import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Lines far longer than a read block are read in time linear in their length, and a record
/// over 16 MiB is skipped as malformed rather than decoded.
@Suite struct EventLoaderLimitTests {
  static let record =
    "{\"context\":{\"version\":\"0.4.1\",\"id\":\"ID\",\"source\":\"s\",\"type\":\"dev.cdevents.service.deployed.0.1.1\",\"timestamp\":\"2026-10-01T00:00:00Z\"},\"subject\":{\"id\":\"SUBJECT\",\"content\":{\"environment\":{\"id\":\"prod\"}}}}"

  func load(_ text: String, chunkBytes: Int) async throws -> EventLoadResult {
    let root = try SiteFixture.make(["e.jsonl": text])
    return await EventLoader(root: root, chunkBytes: chunkBytes).load(paths: ["e.jsonl"])
  }

  /// 8 MiB read 1 KiB at a time: before, each block copied the whole line read so far (about
  /// 8,000 copies averaging 4 MiB); now the block doubles until the line fits.
  @Test func aLineThousandsOfBlocksLongIsReadOnce() async throws {
    let long = Self.record.replacingOccurrences(of: "ID", with: "1").replacingOccurrences(
      of: "SUBJECT", with: String(repeating: "s", count: 8 << 20))
    let next = Self.record.replacingOccurrences(of: "ID", with: "2").replacingOccurrences(of: "SUBJECT", with: "svc")
    let result = try await load(long + "\n" + next + "\n", chunkBytes: 1024)
    #expect(result.events.count == 2)
    #expect(result.events.map(\.subject?.count) == [8 << 20, 3])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func aRecordOver16MiBIsMalformedAndTheNextIsRead() async throws {
    let huge = Self.record.replacingOccurrences(of: "ID", with: "1").replacingOccurrences(
      of: "SUBJECT", with: String(repeating: "s", count: 17 << 20))
    let next = Self.record.replacingOccurrences(of: "ID", with: "2").replacingOccurrences(of: "SUBJECT", with: "svc")
    let result = try await load(huge + "\n" + next + "\n", chunkBytes: 1 << 20)
    #expect(result.events.map(\.subject) == ["svc"])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(result.diagnostics))
        == "e.jsonl:1:1: warning: record is \(huge.utf8.count) bytes, over the 16 MiB limit for one event record; it is not read [events.malformed]\n"
    )
  }
}

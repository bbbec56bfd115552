import Foundation
import Testing
import WaymarkLoading

/// gzip files read with the system's zlib: members one after another, and every way the data can
/// be wrong, each said with where.
@Suite struct GzipDecompressorTests {
  /// "hello\n" and "world\n", each gzipped (mtime 0), one after the other.
  static let twoMembers =
    [UInt8](Data(base64Encoded: "H4sIAAAAAAAC/8tIzcnJ5wIAIDA6NgYAAAA=")!)
    + [UInt8](Data(base64Encoded: "H4sIAAAAAAAC/yvPL8pJ4QIAqGE43QYAAAA=")!)

  @Test func membersFollowEachOther() throws {
    let text = try GzipDecompressor.decompress(Self.twoMembers, limit: 1 << 20).get()
    #expect(String(decoding: text, as: UTF8.self) == "hello\nworld\n")
  }

  @Test func problemsSayWhatAndWhere() {
    func failure(_ bytes: [UInt8], limit: Int = 1 << 20) -> String? {
      guard case .failure(let failure) = GzipDecompressor.decompress(bytes, limit: limit) else { return nil }
      return failure.message
    }
    #expect(failure(Array("hello".utf8)) == "not gzip data (it does not start with the bytes 1f 8b)")
    #expect(failure(Array(Self.twoMembers.prefix(20))) == "the gzip data ends early (after 20 bytes)")
    var corrupt = Self.twoMembers
    corrupt[19] ^= 0xff  // the first member's CRC-32
    #expect(failure(corrupt) == "corrupt gzip data: incorrect data check (found after byte 22)")
    #expect(failure(Self.twoMembers + [0, 0]) == "corrupt gzip data: incorrect header check (found after byte 54)")
    #expect(failure(Self.twoMembers, limit: 8) == "decompresses to more than 8 bytes")
  }
}

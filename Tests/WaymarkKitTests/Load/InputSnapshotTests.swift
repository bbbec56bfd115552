import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The files a published build read, by `stat` and digest (issue 26): what tells the next build
/// whether any input changed without reading the unchanged ones.
@Suite struct InputSnapshotTests {
  /// A horizon after every file of a test: each `stat` is settled.
  static let settled = Int64.max
  /// One before them: none is.
  static let unsettled = Int64.min

  static func root() throws -> URL {
    try SiteFixture.make(["a.yaml": "a: 1\n", "docs/b.md": "# B\n", "notes.txt": "read by no stage\n"])
  }

  static func take(_ root: URL, horizon: Int64, digests: [String: MemoKey] = [:]) throws -> InputSnapshot {
    try #require(
      InputSnapshot.take(
        root: root, walked: ["a.yaml", "docs/b.md", "notes.txt"], named: [], digests: digests, previous: nil,
        horizon: horizon))
  }

  @Test func unchangedFilesAreFoundByTheirStatAlone() async throws {
    let root = try Self.root()
    let snapshot = try Self.take(root, horizon: Self.settled)
    #expect(snapshot.entries.map(\.path) == ["a.yaml", "docs/b.md", "notes.txt"])
    #expect(snapshot.entries.allSatisfy { $0.isSettled && $0.isWalked })
    #expect(snapshot.entries[0].digest == MemoKey.digest(of: Array("a: 1\n".utf8)))
    let walked = ["a.yaml", "docs/b.md", "notes.txt"]
    #expect(await snapshot.compare(root: root, walked: walked) == .unchanged(refreshed: nil))
  }

  @Test func aFileWrittenAgainWithTheSameBytesIsUnchangedAndRefreshed() async throws {
    let root = try Self.root()
    let snapshot = try Self.take(root, horizon: Self.settled)
    // A new file in its place, as editors save: another inode, the same bytes.
    let file = root.appendingPathComponent("docs/b.md")
    let saved = root.appendingPathComponent("docs/b.md.saved")
    try Data("# B\n".utf8).write(to: saved)
    #expect(rename(saved.path, file.path) == 0)
    let walked = ["a.yaml", "docs/b.md", "notes.txt"]
    guard case .unchanged(let refreshed?) = await snapshot.compare(root: root, walked: walked, horizon: Self.settled)
    else {
      Issue.record("expected the snapshot to be refreshed")
      return
    }
    #expect(refreshed.entries[1].inode != snapshot.entries[1].inode)
    #expect(refreshed.entries[1].digest == snapshot.entries[1].digest)
    #expect(await refreshed.compare(root: root, walked: walked) == .unchanged(refreshed: nil))
  }

  @Test func anEditedAddedOrRemovedFileIsAChange() async throws {
    let root = try Self.root()
    let snapshot = try Self.take(root, horizon: Self.settled)
    #expect(
      await snapshot.compare(root: root, walked: ["a.yaml", "c.md", "docs/b.md", "notes.txt"]) == .changed("c.md"))
    #expect(await snapshot.compare(root: root, walked: ["a.yaml", "docs/b.md"]) == .changed("notes.txt"))
    try Data("a: 2\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
    #expect(await snapshot.compare(root: root, walked: ["a.yaml", "docs/b.md", "notes.txt"]) == .changed("a.yaml"))
  }

  @Test func aFileChangedAsTheBuildRanIsTrustedOnlyByTheDigestOfWhatItRead() async throws {
    let root = try Self.root()
    // Read by the build (its digest given), then changed: the bytes read are what count.
    let read = MemoKey.digest(of: Array("a: 0\n".utf8))
    let digests = ["a.yaml": read, "docs/b.md": MemoKey.digest(of: Array("# B\n".utf8))]
    let snapshot = try Self.take(root, horizon: Self.unsettled, digests: digests)
    #expect(snapshot.entries.allSatisfy { !$0.isSettled })
    #expect(snapshot.entries[0].digest == read)
    // Read by no stage and changed too recently: no digest, so any build counts it as changed.
    #expect(snapshot.entries[2].digest == nil)
    let walked = ["a.yaml", "docs/b.md", "notes.txt"]
    #expect(await snapshot.compare(root: root, walked: walked) == .changed("a.yaml"))
    try Data("a: 0\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
    #expect(await snapshot.compare(root: root, walked: walked) == .changed("notes.txt"))
  }

  @Test func aFileReadByNameOutsideTheWalkIsCompared() async throws {
    let root = try Self.root()
    let snapshot = try #require(
      InputSnapshot.take(
        root: root, walked: ["a.yaml", "docs/b.md"], named: ["notes.txt"], digests: [:], previous: nil,
        horizon: Self.settled))
    #expect(snapshot.entries.map(\.isWalked) == [true, true, false])
    #expect(await snapshot.compare(root: root, walked: ["a.yaml", "docs/b.md"]) == .unchanged(refreshed: nil))
    try FileManager.default.removeItem(at: root.appendingPathComponent("notes.txt"))
    #expect(await snapshot.compare(root: root, walked: ["a.yaml", "docs/b.md"]) == .changed("notes.txt"))
    #expect(
      InputSnapshot.take(
        root: root, walked: ["a.yaml"], named: ["notes.txt"], digests: [:], previous: nil, horizon: Self.settled)
        == nil)
  }

  @Test func itReadsBackAsWritten() async throws {
    let root = try Self.root()
    let snapshot = try Self.take(root, horizon: Self.unsettled, digests: ["a.yaml": MemoKey.digest(of: [1])])
    var writer = CacheRecordWriter()
    writer.add(snapshot)
    var reader = CacheRecordReader(writer.bytes)
    #expect(try reader.value(InputSnapshot.self) == snapshot)
  }
}

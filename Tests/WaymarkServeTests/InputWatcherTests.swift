import Foundation
import Testing
import WaymarkTestSupport

@testable import WaymarkServe

/// The watchers deliver the changed paths of real files, leave out hidden and written folders,
/// and pick up folders created after they started.
@Suite(.serialized) struct InputWatcherTests {
  static func site() throws -> URL {
    try SiteFixture.make([
      "waymark.yaml": "site: {title: T}\n", "content/catalog/a.yaml": "a\n", "output/index.html": "x\n",
      ".git/HEAD": "ref\n",
    ])
  }

  static func write(_ text: String, _ path: String, in root: URL) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func check(_ method: InputWatcher.Method) async throws {
    let root = try Self.site()
    let scope = WatchScope(root: root, ignoring: [root.appendingPathComponent("output")])
    let watcher = InputWatcher(scope: scope, method: method)
    let (batches, _, warning) = watcher.changes()
    #expect(warning == nil)
    let collector = BatchCollector()
    await collector.listen(batches)
    // Changes nobody reads come first: the hidden folder, the output.
    try Self.write("y\n", ".git/HEAD", in: root)
    try Self.write("y\n", "output/index.html", in: root)
    try await Task.sleep(for: .milliseconds(700))
    try Self.write("b\n", "content/catalog/a.yaml", in: root)
    let first = try await collector.next()
    #expect(first.paths == ["content/catalog/a.yaml"])
    try Self.write("c\n", "content/new/deep/b.yaml", in: root)
    var seen = Set(try await collector.next().paths)
    try await Task.sleep(for: .milliseconds(700))
    try Self.write("d\n", "content/new/deep/b.yaml", in: root)
    seen.formUnion(try await collector.next().paths)
    #expect(seen.contains("content/new/deep/b.yaml"))
    #expect(!seen.contains { $0.hasPrefix(".git") || $0.hasPrefix("output") })
    try FileManager.default.removeItem(at: root.appendingPathComponent("content/catalog/a.yaml"))
    // Polling also sees the folder's own time change.
    #expect(try await collector.next().paths.contains("content/catalog/a.yaml"))
    await collector.stop()
  }

  @Test func inotifyDeliversTheChangedPaths() async throws {
    #if canImport(Glibc)
      try await check(.native)
    #endif
  }

  @Test func pollingDeliversTheChangedPaths() async throws {
    try await check(.polling(.milliseconds(100)))
  }

  @Test func snapshotsCompareByStamp() throws {
    let root = try Self.site()
    let scope = WatchScope(root: root, ignoring: [root.appendingPathComponent("output")])
    let before = FolderSnapshot.take(scope)
    #expect(before.entries.keys.sorted() == ["content", "content/catalog", "content/catalog/a.yaml", "waymark.yaml"])
    try Self.write("longer\n", "content/catalog/a.yaml", in: root)
    try Self.write("z\n", "content/z.md", in: root)
    try FileManager.default.removeItem(at: root.appendingPathComponent("waymark.yaml"))
    #expect(
      before.changes(to: FolderSnapshot.take(scope)).filter { $0 != "content" && $0 != "content/catalog" }
        == ["content/catalog/a.yaml", "content/z.md", "waymark.yaml"])
  }

  #if canImport(Glibc)
    @Test func inotifyEventsAreParsedFromTheKernelsLayout() {
      var bytes: [UInt8] = []
      func event(_ watch: Int32, _ mask: UInt32, _ name: String, padded: Int) {
        withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
        withUnsafeBytes(of: UInt32(padded).littleEndian) { bytes += $0 }
        bytes += Array(name.utf8) + [UInt8](repeating: 0, count: padded - name.utf8.count)
      }
      event(3, 0x8, "a.yaml", padded: 16)
      event(4, 0x4000_0100, "new", padded: 16)
      event(5, 0x400, "", padded: 0)
      #expect(
        InotifyEvent.parse(bytes[...]) == [
          InotifyEvent(watch: 3, mask: 0x8, name: "a.yaml"), InotifyEvent(watch: 4, mask: 0x4000_0100, name: "new"),
          InotifyEvent(watch: 5, mask: 0x400, name: ""),
        ])
    }
  #endif
}

/// Reads a watcher's batches on a task of its own, so a test can wait for the next with a timeout.
actor BatchCollector {
  private var received: [WatchBatch] = []
  private var reader: Task<Void, Never>?

  func listen(_ batches: AsyncStream<WatchBatch>) {
    reader = Task {
      for await batch in batches { self.add(batch) }
    }
  }

  private func add(_ batch: WatchBatch) {
    received.append(batch)
  }

  struct Timeout: Error {}

  /// The next batch not taken yet, waiting up to ten seconds.
  func next() async throws -> WatchBatch {
    for _ in 0..<1000 {
      if !received.isEmpty { return received.removeFirst() }
      try await Task.sleep(for: .milliseconds(10))
    }
    throw Timeout()
  }

  func stop() {
    reader?.cancel()
  }
}

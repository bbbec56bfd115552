import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `SourceFile.read` reads only regular files inside the root, never blocks on a FIFO, and
/// refuses files over its limit without reading them.
@Suite struct SourceFileReadingTests {
  func problem(_ path: String, under root: URL, limit: Int = SourceFile.maximumByteCount) -> String {
    switch SourceFile.read(path, under: root, maximumByteCount: limit) {
    case .success(let file): return "read \(file.bytes.count) bytes"
    case .failure(let diagnostic): return "\(diagnostic.code): \(diagnostic.message)"
    }
  }

  @Test func readsRegularFilesAndLinksInsideTheRoot() throws {
    let root = try SiteFixture.make(["a/file.yaml": "x: 1\n"])
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("link.yaml").path, withDestinationPath: "a/file.yaml")
    #expect(problem("a/file.yaml", under: root) == "read 5 bytes")
    #expect(problem("link.yaml", under: root) == "read 5 bytes")
    #expect(problem("missing.yaml", under: root) == "input.missing: file does not exist")
    #expect(problem("a", under: root) == "input.unreadable: expected a file, found a directory")
  }

  @Test func refusesLinksOutOfTheRoot() throws {
    let base = try TestPaths.temporaryDirectory("reading")
    let root = base.appendingPathComponent("root")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
    try Data("outside".utf8).write(to: base.appendingPathComponent("secret.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("a/file.txt").path, withDestinationPath: "../../secret.txt")
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("folder").path, withDestinationPath: base.path)
    let refused = "input.outside-root: a symbolic link leads outside the site root; it is not read"
    #expect(problem("a/file.txt", under: root) == refused)
    #expect(problem("folder/secret.txt", under: root) == refused)
  }

  @Test func neverOpensAFIFOForReading() throws {
    let root = try SiteFixture.make([:])
    #expect(mkfifo(root.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
    // Opening a FIFO for reading blocks until a writer comes; this returns at once.
    #expect(
      problem("pipe.yaml", under: root)
        == "input.unreadable: expected a regular file, found a FIFO (named pipe); it is not read")
  }

  @Test func refusesFilesOverTheLimitWithoutReadingThem() throws {
    let root = try SiteFixture.make(["big.yaml": String(repeating: "a", count: 2048)])
    #expect(
      problem("big.yaml", under: root, limit: 1024)
        == "input.too-large: file is 2048 bytes, over the 1024 bytes limit for one input file; it is not read")
    #expect(problem("big.yaml", under: root, limit: 2048) == "read 2048 bytes")
  }
}

import Foundation
import Testing
import WaymarkPublishing
import WaymarkRendering
import WaymarkTestSupport

/// Files are written with plain open/write/close (no per-file temporary file and fsync).
@Suite struct SiteWriterFileWriteTests {
  @Test func writesExactBytesEmptyFilesAndReadableModes() throws {
    let parent = try TestPaths.temporaryDirectory("writer-bytes")
    let output = parent.appendingPathComponent("site")
    let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A, 0xFF]
    let large = [UInt8](repeating: 0x61, count: 3 << 20)
    try SiteWriter(output: output).publish([
      OutputFile(path: "img/a.png", bytes: binary), OutputFile(path: "empty.txt", bytes: []),
      OutputFile(path: "big.html", bytes: large),
    ])
    #expect(
      SiteFixture.snapshot(of: output)
        == ["img/a.png": Data(binary), "empty.txt": Data(), "big.html": Data(large)])
    let mode =
      try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("img/a.png").path)[
        .posixPermissions] as? Int
    #expect(mode.map { $0 & 0o644 } == 0o644)
  }

  @Test func aFileThatCannotBeCreatedFailsThePublishAndLeavesNoStaging() throws {
    let parent = try TestPaths.temporaryDirectory("writer-fail")
    let writer = SiteWriter(output: parent.appendingPathComponent("site"))
    try writer.publish([OutputFile(path: "index.html", text: "previous")])
    // `a` is a folder by the time the file `a` is written, so it cannot be created.
    let failure = #expect(throws: SiteWriter.Failure.self) {
      try writer.publish([OutputFile(path: "a/b.html", text: "x"), OutputFile(path: "a", text: "file")])
    }
    #expect(failure?.description.hasPrefix("cannot write ") == true)
    #expect(failure?.description.hasSuffix("/a") == true)
    #expect(SiteFixture.snapshot(of: parent.appendingPathComponent("site")) == ["index.html": Data("previous".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }
}

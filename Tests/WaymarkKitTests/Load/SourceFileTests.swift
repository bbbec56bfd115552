import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport

/// Files are read straight into their byte array: every byte, whatever the size, and the same
/// diagnostics as before for what cannot be read.
@Suite struct SourceFileTests {
  @Test(arguments: [0, 1, 4095, 4096, 65_537, 300_001])
  func readsEveryByte(size: Int) throws {
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
    let root = try SiteFixture.make([:])
    try Data(bytes).write(to: root.appendingPathComponent("data.bin"))
    guard case .success(let file) = SourceFile.read("data.bin", under: root) else {
      Issue.record("not read")
      return
    }
    #expect(file.path == "data.bin")
    #expect(file.bytes == bytes)
  }

  @Test func aMissingFileAndAFolderAreDiagnosed() throws {
    let root = try SiteFixture.make(["folder/inside.txt": "x"])
    for (path, expected) in [
      ("nothing.txt", "nothing.txt: error: file does not exist [input.missing]\n"),
      ("folder/inside.txt/deeper", "folder/inside.txt/deeper: error: file does not exist [input.missing]\n"),
      ("folder", "folder: error: expected a file, found a directory [input.unreadable]\n"),
    ] {
      guard case .failure(let diagnostic) = SourceFile.read(path, under: root) else {
        Issue.record("\(path) was read")
        continue
      }
      #expect(DiagnosticFormat.text.format(DiagnosticList([diagnostic])) == expected)
    }
  }
}

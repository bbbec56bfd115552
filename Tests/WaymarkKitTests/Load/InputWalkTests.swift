import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Entries the walk does not take as files are listed, and reported when an input glob names them.
@Suite struct InputWalkTests {
  @Test func listsWhatIsNotAFileAndReportsInputsAmongThem() throws {
    let outside = try SiteFixture.make(["secret.yaml": "x"])
    let root = try SiteFixture.make(["content/catalog/a.yaml": "", "notes/pipe-target.txt": ""])
    let manager = FileManager.default
    #expect(mkfifo(root.appendingPathComponent("content/catalog/pipe.yaml").path, 0o644) == 0)
    #expect(mkfifo(root.appendingPathComponent("notes/pipe").path, 0o644) == 0)
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("content/catalog/to-pipe.yaml").path, withDestinationPath: "../../notes/pipe")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("content/catalog/leak.yaml").path,
      withDestinationPath: outside.appendingPathComponent("secret.yaml").path)
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("content/catalog/gone.yaml").path, withDestinationPath: "nowhere.yaml")
    try manager.createSymbolicLink(
      atPath: root.appendingPathComponent("content/catalog/loop.yaml").path, withDestinationPath: "loop.yaml")
    let walk = InputFinder(root: root, excludedFolders: []).walk()
    #expect(walk.files == ["content/catalog/a.yaml", "notes/pipe-target.txt"])
    #expect(
      walk.skipped.map(\.path) == [
        "content/catalog/gone.yaml", "content/catalog/leak.yaml", "content/catalog/loop.yaml",
        "content/catalog/pipe.yaml",
        "content/catalog/to-pipe.yaml", "notes/pipe",
      ])
    let text = DiagnosticFormat.text.format(DiagnosticList(walk.diagnostics(matching: ["content/catalog/**/*.yaml"])))
    #expect(
      text == """
        content/catalog/gone.yaml: error: a symbolic link to a file that does not exist [input.missing]
        content/catalog/leak.yaml: error: a symbolic link leads outside the site root; it is not read [input.outside-root]
        content/catalog/loop.yaml: error: a loop of symbolic links; it is not read [input.unreadable]
        content/catalog/pipe.yaml: error: expected a regular file, found a FIFO (named pipe); it is not read [input.unreadable]
        content/catalog/to-pipe.yaml: error: expected a regular file, found a link to a FIFO (named pipe); it is not read [input.unreadable]

        """)
  }
}

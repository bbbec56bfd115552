import Foundation
import Testing
import WaymarkPublishing
import WaymarkRendering
import WaymarkTestSupport

/// Nothing is written or copied through a symbolic link: a committed `output` link to a home
/// folder, or links among the previous output's dot-files, must not publish their targets.
@Suite struct SiteWriterLinkTests {
  /// A folder standing for a home directory, with the dot-files a link would leak.
  static func home(in parent: URL) throws -> URL {
    let home = parent.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
    try Data("PRIVATE KEY".utf8).write(to: home.appendingPathComponent(".ssh/id_ed25519"))
    try Data("machine example.org password hunter2".utf8).write(to: home.appendingPathComponent(".netrc"))
    return home
  }

  static func exists(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
  }

  @Test func refusesAnOutputThatIsASymbolicLink() throws {
    let parent = try TestPaths.temporaryDirectory("writer-link")
    let home = try Self.home(in: parent)
    let output = parent.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(at: output, withDestinationURL: home)
    let before = SiteFixture.snapshot(of: home)
    let failure = #expect(throws: SiteWriter.Failure.self) {
      try SiteWriter(output: output).publish([OutputFile(path: "index.html", text: "site")])
    }
    #expect(failure?.description == "refusing to publish through the symbolic link \(output.standardizedFileURL.path)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: output.path) == home.path)
    #expect(SiteFixture.snapshot(of: home) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["home", "site"])
  }

  @Test func carriesOverRegularDotFilesOnly() throws {
    let parent = try TestPaths.temporaryDirectory("writer-link")
    let home = try Self.home(in: parent)
    let output = parent.appendingPathComponent("site")
    let writer = SiteWriter(output: output)
    try writer.publish([OutputFile(path: "index.html", text: "old")])
    try Data().write(to: output.appendingPathComponent(".gitkeep"))
    try FileManager.default.createSymbolicLink(
      at: output.appendingPathComponent(".netrc"), withDestinationURL: home.appendingPathComponent(".netrc"))
    try FileManager.default.createSymbolicLink(
      at: output.appendingPathComponent(".ssh"), withDestinationURL: home.appendingPathComponent(".ssh"))
    try FileManager.default.createDirectory(
      at: output.appendingPathComponent(".well-known"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: output.appendingPathComponent(".well-known/security.txt"))
    try writer.publish([OutputFile(path: "index.html", text: "new")])
    #expect(SiteFixture.snapshot(of: output) == ["index.html": Data("new".utf8), ".gitkeep": Data()])
    #expect(!Self.exists(output.appendingPathComponent(".netrc")))
    #expect(!Self.exists(output.appendingPathComponent(".ssh")))
  }

  @Test func aLinkLeftAtTheOldFolderNameIsNeverMadeTheOutput() throws {
    let parent = try TestPaths.temporaryDirectory("writer-link")
    let home = try Self.home(in: parent)
    let output = parent.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(
      at: parent.appendingPathComponent(".site.waymark-old"), withDestinationURL: home)
    try SiteWriter(output: output).publish([OutputFile(path: "index.html", text: "site")])
    #expect(SiteFixture.snapshot(of: output) == ["index.html": Data("site".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["home", "site"])
    #expect(SiteFixture.snapshot(of: home).keys.sorted() == [".netrc", ".ssh/id_ed25519"])
  }
}

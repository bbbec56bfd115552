import Foundation
import Testing
import WaymarkPublishing
import WaymarkRendering
import WaymarkTestSupport

@Suite struct SiteWriterTests {
  @Test func replacesTheOutputAndKeepsDotFiles() throws {
    let parent = try TestPaths.temporaryDirectory("writer")
    let output = parent.appendingPathComponent("site")
    let writer = SiteWriter(output: output)
    try writer.publish([OutputFile(path: "old.html", text: "old"), OutputFile(path: ".gitkeep", text: "")])
    try Data("example.org".utf8).write(to: output.appendingPathComponent(".domain"))
    try writer.publish([OutputFile(path: "a/b/new.html", text: "new")])
    #expect(
      SiteFixture.snapshot(of: output) == [
        "a/b/new.html": Data("new".utf8), ".gitkeep": Data(), ".domain": Data("example.org".utf8),
      ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }

  @Test func refusesPathsOutsideTheOutput() throws {
    let parent = try TestPaths.temporaryDirectory("writer")
    let writer = SiteWriter(output: parent.appendingPathComponent("site"))
    #expect(throws: SiteWriter.Failure.self) { try writer.publish([OutputFile(path: "../escape.html", text: "x")]) }
    #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escape.html").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
  }

  @Test func recoversFromAnInterruptedSwap() throws {
    let parent = try TestPaths.temporaryDirectory("writer")
    let output = parent.appendingPathComponent("site")
    // An earlier run was killed after moving the old site aside and before renaming the new one.
    let old = parent.appendingPathComponent(".site.waymark-old")
    let staging = parent.appendingPathComponent(".site.waymark-new-123")
    try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
    try Data("previous".utf8).write(to: old.appendingPathComponent("index.html"))
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    SiteWriter(output: output).recover()
    #expect(SiteFixture.snapshot(of: output) == ["index.html": Data("previous".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }
}

extension SiteWriterTests {
  /// After an exchange the staging name holds the previous site until it is removed; a run
  /// killed in between leaves it behind, and the next publish removes it.
  @Test func cleansAStagingFolderLeftHoldingThePreviousSite() throws {
    let parent = try TestPaths.temporaryDirectory("writer")
    let output = parent.appendingPathComponent("site")
    let writer = SiteWriter(output: output)
    try writer.publish([OutputFile(path: "index.html", text: "new")])
    let leftover = parent.appendingPathComponent(".site.waymark-new-0F0F")
    try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
    try Data("previous".utf8).write(to: leftover.appendingPathComponent("index.html"))
    try writer.publish([OutputFile(path: "index.html", text: "newer")])
    #expect(SiteFixture.snapshot(of: output) == ["index.html": Data("newer".utf8)])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
  }
}

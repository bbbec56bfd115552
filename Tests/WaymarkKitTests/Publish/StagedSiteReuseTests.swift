import Foundation
import Testing
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering
import WaymarkTestSupport

/// Publishing with a build cache: files linked from the previous output, and a spare site
/// reused as the staging folder (issue 26 item 1).
@Suite struct StagedSiteReuseTests {
  static func inode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
  }

  @Test func aSpareSiteBecomesTheNextSiteKeepingOnlyWhatItWants() throws {
    let parent = try TestPaths.temporaryDirectory("spare")
    let output = parent.appendingPathComponent("site")
    let spare = parent.appendingPathComponent("cache/spare")
    try FileManager.default.createDirectory(at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
    let writer = SiteWriter(output: output)
    let first = try writer.stage(spare: spare)
    let kept = try first.writeRecorded(
      Array("kept".utf8), at: "a/kept.html", source: nil, digest: .digest(of: Array("kept".utf8)), isClean: true)
    try first.write([
      OutputFile(path: "gone/old.html", text: "old"), OutputFile(path: "x", text: "a file"),
      OutputFile(path: "a/sub/old.html", text: "old"), OutputFile(path: "deep/er/old.html", text: "old"),
    ])
    try first.commit()
    #expect(SiteWriter.fileType(spare.path) == nil)

    // The second site replaces the first: the first is kept as the spare.
    let second = try writer.stage(spare: spare)
    #expect(second.link(kept, from: PreviousOutput(folder: output, records: ["a/kept.html": kept])))
    try second.write([OutputFile(path: "x/now-a-folder.html", text: "new")])
    second.keepOnly(["a/kept.html", "x/now-a-folder.html"])
    try second.commit()
    #expect(
      SiteFixture.snapshot(of: spare) == [
        "a/kept.html": Data("kept".utf8), "gone/old.html": Data("old".utf8),
        "x": Data("a file".utf8), "a/sub/old.html": Data("old".utf8), "deep/er/old.html": Data("old".utf8),
      ])

    // The third starts from the spare (the first site): what it holds is pruned or replaced.
    let third = try writer.stage(spare: spare)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: third.folder.path)) == ["a", "deep", "gone", "x"])
    #expect(third.link(kept, from: PreviousOutput(folder: output, records: ["a/kept.html": kept])))
    try third.write([OutputFile(path: "x/now-a-folder.html", text: "newer")])
    third.keepOnly(["a/kept.html", "x/now-a-folder.html"])
    try third.commit()
    #expect(
      SiteFixture.snapshot(of: output) == [
        "a/kept.html": Data("kept".utf8), "x/now-a-folder.html": Data("newer".utf8),
      ])
    // The folders left empty went too; a folder holding a kept file stayed.
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: output.path)) == ["a", "x"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("a").path) == ["kept.html"])
    // The kept page is one file throughout, never written again.
    #expect(Self.inode(output.appendingPathComponent("a/kept.html").path) == Int(kept.inode))
    #expect(SiteFixture.snapshot(of: spare)["x/now-a-folder.html"] == Data("new".utf8))
  }

  @Test func aFileChangedSinceItWasRecordedIsNotLinked() throws {
    let parent = try TestPaths.temporaryDirectory("reuse")
    let output = parent.appendingPathComponent("site")
    let writer = SiteWriter(output: output)
    let staged = try writer.stage()
    let bytes = Array("page".utf8)
    let record = try staged.writeRecorded(bytes, at: "p.html", source: nil, digest: .digest(of: bytes), isClean: true)
    try staged.commit()
    let previous = PreviousOutput(folder: output, records: ["p.html": record])
    #expect(previous.reusable(path: "p.html", digest: record.digest) != nil)
    try Data("edited".utf8).write(to: output.appendingPathComponent("p.html"))
    #expect(previous.reusable(path: "p.html", digest: record.digest) == nil)
  }
}

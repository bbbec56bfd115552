import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering
import WaymarkTestSupport

/// A build writes its files to the staging folder as they render (issue 24 item 2, issue 19
/// item 14): the previous output stays until the whole site is known to be publishable.
@Suite struct StreamedPublishTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")!

  static func catalog(description: String) -> String {
    var documents = [
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n"
    ]
    for index in 0..<40 {
      documents.append(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-\(index)\n"
          + "  description: \"\(description)\"\nspec: {type: service, lifecycle: production, owner: team-a}\n")
    }
    return documents.joined(separator: "---\n")
  }

  func leftovers(beside output: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
      .filter { $0 != output.lastPathComponent }
  }

  @Test func aSecretFoundInTheRenderedFilesLeavesThePreviousOutputAsItWas() async throws {
    let root = try SiteFixture.make(["content/catalog/c.yaml": Self.catalog(description: "Orders")])
    let parent = try TestPaths.temporaryDirectory("streamed")
    let output = parent.appendingPathComponent("site")
    let first = try await SiteBuilder().build(BuildOptions(root: root, output: output, asOf: Self.asOf))
    #expect(first.published)
    let previous = SiteFixture.snapshot(of: output)
    #expect(previous.count == first.fileCount)

    // Only the rendered pages hold the token: the YAML escape hides it from the input scan.
    let escaped = "gh\\x70\\x5f" + String(repeating: "Ya1", count: 12)
    try Data(Self.catalog(description: escaped).utf8).write(to: root.appendingPathComponent("content/catalog/c.yaml"))
    let second = try await SiteBuilder().build(BuildOptions(root: root, output: output, asOf: Self.asOf))
    #expect(!second.published)
    #expect(second.diagnostics.items.map(\.code.rawValue) == ["secrets.in-output"])
    #expect(second.diagnostics.items.first?.notes.map(\.message) == ["122 more published file(s) hold it"])
    #expect(SiteFixture.snapshot(of: output) == previous)
    #expect(try leftovers(beside: output) == [])
  }

  @Test func streamedFilesAreTheRenderedFilesByteForByteWhetherKeptOrNot() async throws {
    let root = try SiteFixture.make(["content/catalog/c.yaml": Self.catalog(description: "Orders")])
    let parent = try TestPaths.temporaryDirectory("streamed")
    var kept = BuildOptions(root: root, output: parent.appendingPathComponent("kept"), asOf: Self.asOf)
    kept.keepsFiles = true
    let keeping = try await SiteBuilder().build(kept)
    var streamed = BuildOptions(root: root, output: parent.appendingPathComponent("streamed"), asOf: Self.asOf)
    streamed.keepsFiles = false
    let streaming = try await SiteBuilder().build(streamed)

    #expect(streaming.files.isEmpty)
    #expect(streaming.fileCount == keeping.files.count)
    let written = SiteFixture.snapshot(of: parent.appendingPathComponent("streamed"))
    #expect(written == Dictionary(uniqueKeysWithValues: keeping.files.map { ($0.path, Data($0.bytes)) }))
    #expect(written == SiteFixture.snapshot(of: parent.appendingPathComponent("kept")))
    #expect(written.keys.contains("api/build.json"))
    #expect(written.keys.contains("catalog/default/component/service-39/index.html"))
  }

  @Test func aBatchThatCannotBeWrittenDiscardsTheStagedSite() throws {
    let parent = try TestPaths.temporaryDirectory("streamed")
    let output = parent.appendingPathComponent("site")
    let writer = SiteWriter(output: output)
    try writer.publish([OutputFile(path: "index.html", text: "previous")])
    let staged = try writer.stage()
    try staged.write([OutputFile(path: "a", text: "a file")])
    #expect(throws: SiteWriter.Failure.self) { try staged.write([OutputFile(path: "a/b.html", text: "under a file")]) }
    staged.discard()
    #expect(SiteFixture.snapshot(of: output) == ["index.html": Data("previous".utf8)])
    #expect(try leftovers(beside: output) == [])
  }

  @Test func batchesWrittenFromManyTasksAtOnceAllLand() async throws {
    let parent = try TestPaths.temporaryDirectory("streamed")
    let output = parent.appendingPathComponent("site")
    let staged = try SiteWriter(output: output).stage()
    // Every batch writes into the same folders, so tasks race to create them.
    let failures = await withTaskGroup(of: Int.self) { group in
      for batch in 0..<8 {
        group.addTask {
          let files = (0..<25).map {
            OutputFile(path: "shared/\($0 % 5)/deep/\(batch)-\($0).html", text: "\(batch).\($0)")
          }
          do { try staged.write(files) } catch { return 1 }
          return 0
        }
      }
      return await group.reduce(0, +)
    }
    #expect(failures == 0)
    try staged.commit()
    let written = SiteFixture.snapshot(of: output)
    #expect(written.count == 200)
    #expect(written["shared/3/deep/7-13.html"] == Data("7.13".utf8))
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// `waymark serve` builds into a preview folder: the site goes there, the output folder is never
/// written, and is still checked and kept out of the walk exactly as `waymark build` would.
@Suite struct PreviewOutputTests {
  func build(_ root: URL, preview: URL) async throws -> BuildResult {
    var options = BuildOptions(root: root, asOf: FolderPlacementTests.asOf, writesOutput: true)
    options.previewOutput = preview
    return try await SiteBuilder().build(options)
  }

  @Test func theSiteGoesToThePreviewAndTheOutputIsNotWritten() async throws {
    let root = try FolderPlacementTests.site(config: "site: {title: Portal}\n")
    let preview = root.appendingPathComponent(".waymark/serve/site")
    let result = try await build(root, preview: preview)
    #expect(result.diagnostics.errorCount == 0)
    #expect(result.published)
    #expect(result.output == preview.path)
    #expect(FileManager.default.fileExists(atPath: preview.appendingPathComponent("index.html").path))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
  }

  @Test func theConfiguredOutputIsStillLeftOutOfTheWalk() async throws {
    // The published site may hold files the catalog globs match (`**/catalog-info.yaml` among a
    // docs folder's assets); a preview must not read them, as `waymark build` does not.
    let root = try FolderPlacementTests.site(config: "site: {title: Portal}\n")
    let stray = root.appendingPathComponent("output/docs/catalog-info.yaml")
    try FileManager.default.createDirectory(at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("kind: [broken\n".utf8).write(to: stray)
    let result = try await build(root, preview: root.appendingPathComponent(".waymark/serve/site"))
    #expect(result.diagnostics.errorCount == 0)
    #expect(result.published)
  }

  @Test func theConfiguredOutputIsStillChecked() async throws {
    let root = try FolderPlacementTests.site(config: "output: content\n")
    let preview = root.appendingPathComponent(".waymark/serve/site")
    let result = try await build(root, preview: preview)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics).split(separator: "\n").filter { $0.contains("[output.") }
        == [
          "waymark.yaml:1:9: error: the output folder 'content' contains 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml'); it is replaced on every build, so it must hold no input [output.overlaps-input]"
        ])
    #expect(!result.published)
    #expect(!FileManager.default.fileExists(atPath: preview.path))
  }

  @Test func aPreviewFolderReachedThroughALinkIsAUsageFailure() async throws {
    let root = try FolderPlacementTests.site(config: "site: {title: Portal}\n")
    let elsewhere = try TestPaths.temporaryDirectory("elsewhere")
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent(".waymark"), withDestinationURL: elsewhere)
    let failure = await #expect(throws: BuildFailure.self) {
      try await build(root, preview: root.appendingPathComponent(".waymark/serve/site"))
    }
    #expect(failure?.isUsage == true)
    #expect(
      failure?.description
        == "the preview folder: the output folder '.waymark/serve/site' is reached through the symbolic link '.waymark'; the site is never written or copied through a link [output.symbolic-link]"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
  }
}

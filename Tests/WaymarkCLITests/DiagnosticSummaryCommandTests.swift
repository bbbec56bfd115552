import Foundation
import Testing
import WaymarkTestSupport

/// What the terminal shows of many diagnostics (issue 21): ten warnings per code, then a count
/// and where they all are; and one line for those `diagnostics.ignore` silenced.
@Suite struct DiagnosticSummaryCommandTests {
  let cli = WaymarkCommandTests()

  /// A site with `count` documents that are not entities (one `catalog.not-an-entity` each).
  func site(notEntities count: Int, config: String? = nil) throws -> URL {
    var files = [
      "content/catalog/a.yaml": SiteFixture.minimalCatalog,
      "content/catalog/notes.yaml": (1...count).map { "name: thing-\($0)\n" }.joined(separator: "---\n"),
    ]
    files["waymark.yaml"] = config
    return try SiteFixture.make(files)
  }

  func line(_ index: Int) -> String {
    "content/catalog/notes.yaml:\(2 * index - 1):1: warning: document has neither 'apiVersion' nor 'kind' and is not "
      + "a catalog entity; it is ignored [catalog.not-an-entity]\n"
  }

  @Test func checkShowsTenWarningsOfACodeAndCountsTheRest() throws {
    let root = try site(notEntities: 13)
    let result = try cli.run(["check", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z"])
    #expect(result.status == 0)
    #expect(
      result.stdout
        == (1...10).map(line).joined() + "… and 3 more catalog.not-an-entity; all in waymark check --format json\n")
    let json = try cli.run(["check", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z", "--format", "json"])
    #expect(json.stdout.components(separatedBy: "\"catalog.not-an-entity\"").count - 1 == 13)
  }

  @Test func buildPointsAtBuildJSONAndSaysHowManyWereSilenced() throws {
    let root = try site(notEntities: 11)
    let built = try cli.run(["build", "--quiet", "--as-of", "2026-11-01T00:00:00Z"], in: root)
    #expect(built.status == 0)
    #expect(
      built.stderr == (1...10).map(line).joined() + "… and 1 more catalog.not-an-entity; all in api/build.json\n"
        + "waymark: 0 errors, 11 warnings\n")
    let silenced = try site(notEntities: 11, config: "diagnostics:\n  ignore: [catalog.not-an-entity]\n")
    let quiet = try cli.run(["build", "--quiet", "--as-of", "2026-11-01T00:00:00Z"], in: silenced)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "waymark: 11 warnings and notes were silenced by diagnostics.ignore in waymark.yaml\n")
  }

  @Test func aRootThatIsNotAFolderIsAUsageError() throws {
    let missing = try TestPaths.temporaryDirectory("no-root").appendingPathComponent("nowhere")
    let result = try cli.run(["check", "--root", missing.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: the site root \(missing.path) is not a folder that exists\n"))
  }
}

import Foundation
import Testing
import WaymarkTestSupport

/// `waymark fetch` as a command: exit codes and printed lines (the downloads themselves are
/// tested against a loopback server in WaymarkFetchTests).
@Suite struct FetchCommandTests {
  let cli = WaymarkCommandTests()

  private func site(target: String) throws -> URL {
    try SiteFixture.make([
      "content/catalog/all.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: all
      spec:
        type: url
        target: \(target)

      """
    ])
  }

  @Test func aRefusedURLIsALocatedErrorAndExitsOne() throws {
    let root = try site(target: "http://example.com/catalog-info.yaml")
    let result = try cli.run(["fetch", "--root", root.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "content/catalog/all.yaml:7:11: error: 'http://example.com/catalog-info.yaml' is not fetched: only https URLs are "
          + "(http only to this machine) [input.fetch-refused]\n"))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("waymark.lock").path))
  }

  @Test func checkWritesNothingAndPassesWhenNothingIsNamed() throws {
    let root = try SiteFixture.make(["content/catalog/app.yaml": SiteFixture.minimalCatalog])
    let result = try cli.run(["fetch", "--check", "--root", root.path])
    #expect(result.status == 0)
    #expect(result.stderr == "waymark: checked 0 URLs against waymark.lock\n")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("waymark.lock").path))
  }

  @Test func checkAndUpdateTogetherAreAUsageError() throws {
    #expect(try cli.run(["fetch", "--check", "--update", "https://github.com/**"]).status == 2)
  }
}

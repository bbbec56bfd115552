import Foundation
import Testing
import WaymarkTestSupport

/// `build` keeps its cache beside the output, or where `--cache` says; `--no-cache` keeps none.
@Suite struct CacheFlagTests {
  let cli = WaymarkCommandTests()

  func cacheFiles(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".cache") }
      .sorted()
  }

  @Test func theCacheIsBesideTheOutputOrWhereItIsToldAndNowhereWithNoCache() throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let asOf = ["--as-of", "2026-11-01T00:00:00Z", "--quiet"]
    let built = try cli.run(["build", "--root", root.path] + asOf)
    #expect(built.status == 0)
    #expect(cacheFiles(root.appendingPathComponent(".waymark-cache")).contains("output.cache"))
    let elsewhere = try TestPaths.temporaryDirectory("cache-flag").appendingPathComponent("cache")
    let told = try cli.run(["build", "--root", root.path, "--cache", elsewhere.path] + asOf)
    #expect(told.status == 0)
    #expect(cacheFiles(elsewhere).contains("output.cache"))

    let bare = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let none = try cli.run(["build", "--root", bare.path, "--no-cache"] + asOf)
    #expect(none.status == 0)
    #expect(!FileManager.default.fileExists(atPath: bare.appendingPathComponent(".waymark-cache").path))
    let both = try cli.run(["build", "--root", bare.path, "--no-cache", "--cache", elsewhere.path] + asOf)
    #expect(both.status == 2)
    #expect(both.stderr.contains("--cache and --no-cache cannot be given together"))
  }
}

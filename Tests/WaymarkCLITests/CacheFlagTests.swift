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

  /// What a build prints but its stage lines (`waymark: load: …`), which carry timings.
  func printed(_ stderr: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { line in
      guard line.hasPrefix("waymark: "), let colon = line.dropFirst(9).firstIndex(of: ":") else { return true }
      return !line[line.index(line.startIndex, offsetBy: 9)..<colon].allSatisfy(\.isLetter)
    }
  }

  @Test func aBuildWithNothingChangedSaysSoAndPrintsWhatTheLastBuildPrinted() throws {
    // No clock at all: a warning to print again.
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let first = try cli.run(["build", "--root", root.path])
    #expect(first.status == 0 && !first.stderr.contains("waymark: unchanged: "))
    let second = try cli.run(["build", "--root", root.path])
    #expect(second.status == 0)
    let unchanged = second.stderr.split(separator: "\n").filter { $0.hasPrefix("waymark: unchanged: ") }
    #expect(unchanged.count == 1)
    #expect(unchanged.first?.contains(" input files as the last build read them; its ") == true)
    #expect(printed(second.stderr) == printed(first.stderr))
    #expect(printed(first.stderr).contains { $0.hasSuffix("[build.no-clock]") })
    #expect(printed(first.stderr).last?.hasPrefix("waymark: built ") == true)
  }
}

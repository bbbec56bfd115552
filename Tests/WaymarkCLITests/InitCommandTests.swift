import Foundation
import Testing
import WaymarkTestSupport

/// `waymark init` on repositories shaped like real ones (`Tests/Fixtures/init/`): the written
/// `waymark.yaml` and the printed summary are golden files beside the fixtures.
@Suite struct InitCommandTests {
  let cli = WaymarkCommandTests()
  static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/init")

  /// A copy of the fixture `name` in a temporary folder, each `….in` file without its suffix.
  static func copy(_ name: String) throws -> URL {
    let source = fixtures.appendingPathComponent(name)
    var files: [String: String] = [:]
    for (path, data) in SiteFixture.snapshot(of: source) {
      files[path.hasSuffix(".in") ? String(path.dropLast(3)) : path] = String(decoding: data, as: UTF8.self)
    }
    return try SiteFixture.make(files)
  }

  @Test(arguments: ["central-catalog", "template-repo", "org-without-users", "generated-catalog"])
  func writesTheGoldenConfigAndSummary(_ name: String) throws {
    let root = try Self.copy(name)
    let result = try cli.run(["init"], in: root)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let written = try String(contentsOf: root.appendingPathComponent("waymark.yaml"), encoding: .utf8)
    assertGolden(written, file: Self.fixtures.appendingPathComponent("\(name).expected.yaml"))
    assertGolden(result.stdout, file: Self.fixtures.appendingPathComponent("\(name).expected.txt"))
    // The same repository gives the same bytes.
    let again = try cli.run(["init", "--root", root.path, "--force"])
    #expect(again.status == 0)
    #expect(try String(contentsOf: root.appendingPathComponent("waymark.yaml"), encoding: .utf8) == written)
  }

  /// A catalog naming URL targets gets the fetch cache git-ignored, once; one without gets no `.gitignore`.
  @Test func ignoresTheFetchCacheOnlyWhereLocationsNameURLs() throws {
    let remote = try Self.copy("generated-catalog")
    try Data("output/\n*.log".utf8).write(to: remote.appendingPathComponent(".gitignore"))
    #expect(try cli.run(["init", "--root", remote.path]).status == 0)
    #expect(try cli.run(["init", "--root", remote.path, "--force"]).status == 0)
    let ignore = try String(contentsOf: remote.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(ignore == "output/\n*.log\n/.waymark/cache/\n")
    let local = try Self.copy("org-without-users")
    #expect(try cli.run(["init", "--root", local.path]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: local.appendingPathComponent(".gitignore").path))
  }

  @Test func refusesToOverwriteWithoutForce() throws {
    let root = try Self.copy("org-without-users")
    try Data("site:\n  title: Mine\n".utf8).write(to: root.appendingPathComponent("waymark.yaml"))
    let refused = try cli.run(["init", "--root", root.path])
    #expect(refused.status == 2)
    #expect(refused.stdout == "")
    #expect(
      refused.stderr
        == "waymark: error: \(root.path)/waymark.yaml already exists; nothing was written (--force replaces it)\n")
    let kept = try String(contentsOf: root.appendingPathComponent("waymark.yaml"), encoding: .utf8)
    #expect(kept == "site:\n  title: Mine\n")
    let forced = try cli.run(["init", "--root", root.path, "--force"])
    #expect(forced.status == 0)
    #expect(forced.stdout.hasSuffix("Wrote \(root.path)/waymark.yaml. Next: waymark check --root \(root.path)\n"))
  }

  @Test func aMissingRootIsAUsageError() throws {
    let result = try cli.run(["init", "--root", "/nonexistent/waymark-init"])
    #expect(result.status == 2)
    #expect(result.stderr == "waymark: error: --root /nonexistent/waymark-init is not a folder\n")
  }

  /// The codes of the diagnostics `waymark check` prints for `root`, sorted, with its exit status.
  func checkCodes(_ root: URL) throws -> (status: Int32, codes: [String]) {
    let result = try cli.run(["check", "--root", root.path, "--as-of", "2026-12-01T00:00:00Z"])
    let codes = result.stdout.split(separator: "\n").compactMap { line -> String? in
      guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
      return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }
    return (result.status, codes.sorted())
  }

  /// Each fixture fails `waymark check` without a `waymark.yaml` (refs to entities defined elsewhere,
  /// no file matching the default globs); with the one `init` writes, only what is really there is
  /// reported: stale event exports, an unmapped result, remote docs and Locations.
  @Test(arguments: [
    (
      "central-catalog", ["catalog.dangling-ref", "catalog.dangling-ref"],
      ["events.stale-export", "events.stale-export"]
    ),
    ("template-repo", ["catalog.dangling-ref", "catalog.dangling-ref", "catalog.dangling-ref"], []),
    ("org-without-users", Array(repeating: "catalog.dangling-ref", count: 5), ["policy.unmapped"]),
    (
      "generated-catalog", ["catalog.no-input"], ["catalog.location-not-fetched", "docs.remote-ref", "docs.remote-ref"]
    ),
  ])
  func checkPassesWithTheWrittenConfig(_ name: String, before: [String], after: [String]) throws {
    let root = try Self.copy(name)
    let bare = try checkCodes(root)
    #expect(bare.status == 1)
    #expect(bare.codes == before)
    #expect(try cli.run(["init", "--root", root.path]).status == 0)
    let configured = try checkCodes(root)
    #expect(configured.status == 0)
    #expect(configured.codes == after)
  }
}

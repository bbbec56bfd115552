import Foundation
import Testing
import WaymarkTestSupport

/// Runs the built `waymark` binary and checks exit codes and printed lines, the CLI's contracts.
@Suite struct WaymarkCommandTests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `waymark` binary built beside this test bundle.
  static var binary: URL {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("waymark"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("waymark"),
      TestPaths.repositoryRoot.appendingPathComponent(".build/debug/waymark"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
  }

  func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    // Annotation paths are relative to the checkout; tests pin it to the working directory.
    environment["GITHUB_WORKSPACE"] = nil
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func brokenSite() throws -> URL {
    try SiteFixture.make([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog.replacingOccurrences(
        of: "owner: team-a", with: "owner: team-x")
    ])
  }

  @Test func versionAndHelpExitZero() throws {
    let version = try run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    let help = try run(["build", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--base-url"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try run(["bulid"]).status == 2)
    #expect(try run(["build", "--nope"]).status == 2)
    #expect(try run(["check", "--format", "xml"]).status == 2)
    let badDate = try run(["build", "--as-of", "yesterday"])
    #expect(badDate.status == 2)
    #expect(badDate.stderr.contains("--as-of 'yesterday' is not an ISO 8601 timestamp"))
  }

  @Test func contentErrorsExitOneWithCompilerStyleLines() throws {
    let root = try brokenSite()
    let result = try run(["build", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z", "--quiet"])
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        content/catalog/a.yaml:17:10: error: spec.owner 'group:default/team-x' does not exist; did you mean 'group:default/team-a'? [catalog.dangling-ref]
          note: in entity 'component:default/svc'
        waymark: 1 error, 0 warnings

        """)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
  }

  @Test func checkPrintsEachFormat() throws {
    let root = try brokenSite()
    let github = try run(["check", "--root", root.path, "--as-of", "2026-11-01T00:00:00Z", "--format", "github"])
    #expect(github.status == 1)
    #expect(
      github.stdout
        == "::error file=content/catalog/a.yaml,line=17,col=10,title=catalog.dangling-ref::spec.owner 'group:default/team-x' does not exist; did you mean 'group:default/team-a'?%0Anote: in entity 'component:default/svc'\n"
    )
    let json = try run(["check", "--root", root.path, "--format", "json"])
    #expect(json.status == 1)
    #expect(json.stdout.hasPrefix("[\n  {\n    \"code\": \"catalog.dangling-ref\",\n    \"column\": 10,"))
    let good = try run([
      "check", "--root", try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog]).path,
    ])
    // Warnings allowed: a site outside git, with no asOf and no events, has no clock.
    #expect(good.status == 0)
    #expect(
      good.stdout == """
        waymark.yaml: warning: the build's "now" is 1970-01-01: no --as-of, no asOf, no git commit and no event \
        timestamps; set asOf or build in a git work tree [build.no-clock]

        """)
  }

  @Test func githubAnnotationsNameTheCheckoutsFiles() throws {
    let root = try brokenSite()
    let github = try run(
      ["check", "--root", root.lastPathComponent, "--as-of", "2026-11-01T00:00:00Z", "--format", "github"],
      in: root.deletingLastPathComponent())
    #expect(github.status == 1)
    #expect(
      github.stdout
        == "::error file=\(root.lastPathComponent)/content/catalog/a.yaml,line=17,col=10,title=catalog.dangling-ref::"
        + "spec.owner 'group:default/team-x' does not exist; did you mean 'group:default/team-a'?"
        + "%0Anote: in entity 'component:default/svc'\n")
  }

  @Test func unwritableOutputExitsThree() throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog, "blocker": "a file, not a folder",
    ])
    let result = try run([
      "build", "--root", root.path, "--output", root.appendingPathComponent("blocker/site").path, "--quiet",
    ])
    #expect(result.status == 3)
    #expect(result.stderr.hasPrefix("waymark: error: "))
  }

  @Test func buildWritesTheSiteAndReportsProgress() throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let result = try run(["build", "--as-of", "2026-11-01T00:00:00Z"], in: root)
    #expect(result.status == 0)
    #expect(result.stderr.contains("waymark: load: 2 documents from 1 catalog files"))
    #expect(result.stderr.contains("waymark: built "))
    #expect(
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent("output/catalog/default/component/svc/index.html").path))
    let quiet = try run(["build", "--quiet", "--as-of", "2026-11-01T00:00:00Z"], in: root)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "")
  }
}

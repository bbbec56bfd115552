import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The build's clock from git: the `HEAD` commit's committer time, read from `.git` without git.
///
/// Each test makes a real repository with the `git` command (fixed dates, no user configuration).
@Suite struct GitCommitClockTests {
  /// Runs git in `folder` with pinned identity and dates; returns its standard output.
  @discardableResult
  static func git(_ arguments: [String], in folder: URL, date: Int = 1_764_000_000) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["git", "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "-c", "gc.auto=0"]
      + arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_AUTHOR_DATE"] = "\(date) +0100"
    environment["GIT_COMMITTER_DATE"] = "\(date) +0100"
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A repository with one commit per date, each changing `site/waymark.yaml`.
  static func repository(dates: [Int], message: String = "Update the portal") throws -> URL {
    let root = try TestPaths.temporaryDirectory("waymark-git")
    try git(["init", "-q", "-b", "main", "."], in: root)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
    for (index, date) in dates.enumerated() {
      try Data("site:\n  title: Portal \(index)\n".utf8).write(to: root.appendingPathComponent("site/waymark.yaml"))
      try git(["add", "-A"], in: root)
      try git(["commit", "-q", "-m", "\(message)\n\nchange \(index)"], in: root, date: date)
    }
    return root
  }

  static func time(_ seconds: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: seconds * 1000) }

  @Test func aLooseCommitGivesItsCommitterTime() throws {
    let root = try Self.repository(dates: [1_764_000_000, 1_764_086_400])
    let head = try Self.git(["rev-parse", "HEAD"], in: root)
    let loose = root.appendingPathComponent(".git/objects/\(head.prefix(2))/\(head.dropFirst(2))")
    #expect(FileManager.default.fileExists(atPath: loose.path))
    #expect(GitCommitClock(root: root).headCommitTime() == Self.time(1_764_086_400))
    // A site root below the work tree's top finds the same repository.
    #expect(GitCommitClock(root: root.appendingPathComponent("site")).headCommitTime() == Self.time(1_764_086_400))
  }

  @Test func aPackedCommitAndPackedRefsAreRead() throws {
    let root = try Self.repository(dates: [1_764_000_000, 1_764_086_400, 1_764_172_800])
    try Self.git(["gc", "-q"], in: root)
    let head = try Self.git(["rev-parse", "HEAD"], in: root)
    let loose = root.appendingPathComponent(".git/objects/\(head.prefix(2))/\(head.dropFirst(2))")
    #expect(!FileManager.default.fileExists(atPath: loose.path))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".git/refs/heads/main").path))
    let packed = try String(contentsOf: root.appendingPathComponent(".git/packed-refs"), encoding: .utf8)
    #expect(packed.contains("\(head) refs/heads/main"))
    #expect(GitCommitClock(root: root).headCommitTime() == Self.time(1_764_172_800))
  }

  @Test func aDeltifiedCommitInAPackIsRebuilt() throws {
    // Long, nearly identical messages make `gc --aggressive` store older commits as deltas.
    let words = (0..<1500).map { ["alpha", "beta", "gamma", "delta", "epsilon"][($0 * 7 + $0 / 3) % 5] }
    let root = try Self.repository(
      dates: [1_764_000_000, 1_764_086_400, 1_764_172_800], message: words.joined(separator: " "))
    try Self.git(["gc", "-q", "--aggressive"], in: root)
    try Self.git(["checkout", "-q", "--detach", "HEAD~1"], in: root)
    let head = try Self.git(["rev-parse", "HEAD"], in: root)
    let index = try #require(
      try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".git/objects/pack").path)
        .first { $0.hasSuffix(".idx") })
    let listing = try Self.git(["verify-pack", "-v", ".git/objects/pack/\(index)"], in: root)
    let entry = try #require(listing.split(separator: "\n").first { $0.hasPrefix(head) })
    // `verify-pack` lists a delta with its depth and base after the sizes and offset.
    #expect(entry.split(separator: " ", omittingEmptySubsequences: true).count == 7)
    #expect(GitCommitClock(root: root).headCommitTime() == Self.time(1_764_086_400))
  }

  @Test func aLinkedWorktreeReadsItsOwnHead() throws {
    let root = try Self.repository(dates: [1_764_000_000])
    let worktree = root.appendingPathComponent("linked")
    try Self.git(["worktree", "add", "-q", "-b", "feature", worktree.path], in: root)
    try Data("site:\n  title: Feature\n".utf8).write(to: worktree.appendingPathComponent("site/waymark.yaml"))
    try Self.git(["commit", "-q", "-am", "Feature"], in: worktree, date: 1_765_000_000)
    let dotGit = try String(contentsOf: worktree.appendingPathComponent(".git"), encoding: .utf8)
    #expect(dotGit.hasPrefix("gitdir: "))
    #expect(GitCommitClock(root: worktree.appendingPathComponent("site")).headCommitTime() == Self.time(1_765_000_000))
    #expect(GitCommitClock(root: root).headCommitTime() == Self.time(1_764_000_000))
    // Packed, the worktree's branch ref is in the shared `packed-refs`.
    try Self.git(["gc", "-q"], in: root)
    #expect(GitCommitClock(root: worktree).headCommitTime() == Self.time(1_765_000_000))
  }

  @Test func noRepositoryOrAnUnreadableHeadGivesNil() throws {
    let plain = try SiteFixture.make(["waymark.yaml": "site:\n  title: Portal\n"])
    #expect(GitCommitClock(root: plain).headCommitTime() == nil)
    let root = try Self.repository(dates: [1_764_000_000])
    try Data("ref: refs/heads/missing\n".utf8).write(to: root.appendingPathComponent(".git/HEAD"))
    #expect(GitCommitClock(root: root).headCommitTime() == nil)
    try Data("0123456789abcdef0123456789abcdef01234567\n".utf8).write(to: root.appendingPathComponent(".git/HEAD"))
    #expect(GitCommitClock(root: root).headCommitTime() == nil)
  }

  @Test func theBuildTakesGitTimeAndRecordsItsSource() async throws {
    let root = try Self.repository(dates: [1_764_000_000])
    let site = root.appendingPathComponent("site")
    let result = try await SiteBuilder().build(BuildOptions(root: site, writesOutput: false))
    #expect(result.now == Self.time(1_764_000_000))
    let manifest = try #require(result.files.first { $0.path == "api/build.json" })
    let value = try JSONReader().parse(Array(manifest.bytes))
    #expect(value["clock"] == ["asOf": "2025-11-24T16:00:00Z", "source": "git"])
    #expect(value["asOfSource"] == "git")
    #expect(!result.diagnostics.items.contains { $0.code == .buildNoClock })
    // The config's asOf still wins.
    try Data("asOf: 2026-01-01T00:00:00Z\n".utf8).write(to: site.appendingPathComponent("waymark.yaml"))
    let configured = try await SiteBuilder().build(BuildOptions(root: site, writesOutput: false))
    #expect(configured.now == Timestamp(iso8601: "2026-01-01T00:00:00Z"))
  }

  @Test func noClockWarnsAndStaleExportsWarnOncePerFile() async throws {
    let deploy = { (id: String, time: String) in
      #"{"context":{"id":"\#(id)","source":"/cd/argocd/prod","specversion":"0.4.1","timestamp":"\#(time)","#
        + #""type":"dev.cdevents.service.deployed.0.2.0"},"subject":{"id":"service/payments-api","#
        + #""content":{"environment":{"id":"production"}}}}"# + "\n"
    }
    let root = try SiteFixture.make([
      "content/events/old.jsonl": deploy("a", "2026-08-01T10:00:00Z") + deploy("b", "2026-09-30T10:00:00Z"),
      "content/events/fresh.jsonl": deploy("c", "2026-10-30T10:00:00Z"),
    ])
    let result = try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    let stale = DiagnosticFormat.text.format(
      DiagnosticList(result.diagnostics.items.filter { $0.code == .eventsStaleExport }))
    #expect(
      stale == """
        content/events/old.jsonl: warning: the newest event (2026-09-30) is 31 days before the build's "now" \
        (2026-11-01); the export may be out of date [events.stale-export]

        """)
    let empty = try SiteFixture.make(["waymark.yaml": "site:\n  title: Portal\n"])
    let unclocked = try await SiteBuilder().build(BuildOptions(root: empty, writesOutput: false))
    #expect(unclocked.now == .epoch)
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(unclocked.diagnostics.items.filter { $0.code == .buildNoClock }))
        == """
        waymark.yaml: warning: the build's "now" is 1970-01-01: no --as-of, no asOf, no git commit and no event \
        timestamps; set asOf or build in a git work tree [build.no-clock]

        """)
  }
}

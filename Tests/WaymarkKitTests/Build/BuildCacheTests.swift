import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The build cache (issue 26 item 1): a build that reuses it writes the same site as a cold
/// build, and a cache that is corrupt or was written by another Waymark is never trusted.
@Suite struct BuildCacheTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")!

  static let event = """
    {"context":{"version":"0.4.1","id":"e-1","source":"/ci","type":"dev.cdevents.service.deployed.0.2.0",\
    "timestamp":"2026-10-30T10:00:00Z"},"subject":{"id":"svc","source":"/ci","type":"service",\
    "content":{"environment":{"id":"production"},"artifactId":"pkg:oci/svc@sha256:1"}}}

    """

  /// A site with a catalog, a docs site and an event export, so every table of the cache is used.
  static func site(description: String) throws -> URL {
    try SiteFixture.make([
      "content/catalog/c.yaml": catalog(description: description),
      "content/docs/svc/mkdocs.yml": "site_name: Svc\nnav:\n  - Home: index.md\n  - Guide: guide.md\n",
      "content/docs/svc/docs/index.md": "# Svc\n\nHello.\n\n## Usage\n\nRun it.\n",
      "content/docs/svc/docs/guide.md": "# Guide\n\nSee [usage](index.md#usage).\n",
      "content/events/events.jsonl": event,
    ])
  }

  static func catalog(description: String) -> String {
    """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      description: \(description)
      annotations:
        backstage.io/techdocs-ref: dir:../docs/svc
    spec: {type: service, lifecycle: production, owner: team-a}

    """
  }

  /// Builds as `waymark build` does (keeping an unchanged site's output) with `cache`.
  static func build(_ root: URL, output: URL, cache: URL?) async throws -> BuildResult {
    var options = BuildOptions(root: root, output: output, asOf: asOf)
    options.cache = cache.map(BuildCacheLocation.folder) ?? .none
    options.keepsFiles = false
    options.skipsUnchangedBuild = cache != nil
    return try await SiteBuilder().build(options)
  }

  /// Builds `root` cold into a fresh folder and returns its files.
  static func coldSite(_ root: URL) async throws -> [String: Data] {
    let output = try TestPaths.temporaryDirectory("cold").appendingPathComponent("site")
    let result = try await build(root, output: output, cache: nil)
    #expect(result.published)
    return SiteFixture.snapshot(of: output)
  }

  static func cacheFiles(_ cache: URL) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".cache") }.sorted()
      .map { cache.appendingPathComponent($0) }
  }

  @Test func aWarmBuildWritesTheColdBuildsSiteAndKeepsUnchangedFiles() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    let first = try await Self.build(root, output: output, cache: cache)
    #expect(first.published && first.warnings.isEmpty)
    // `inputs.cache` too once the events file is two seconds old (younger ones are hashed again).
    #expect(
      Set(try Self.cacheFiles(cache).map(\.lastPathComponent)).isSuperset(of: [
        "delivery.cache", "docs.cache", "output.cache",
      ]))
    let page = output.appendingPathComponent("docs/default/component/svc/guide/index.html").path
    let inode = try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int

    try Data("# Svc\n\nHello again.\n\n## Usage\n\nRun it.\n".utf8).write(
      to: root.appendingPathComponent("content/docs/svc/docs/index.md"))
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.published && second.warnings.isEmpty)
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
    // The guide's page did not change: it is the same file, linked into the new site.
    #expect(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode)
  }

  @Test func aCorruptCacheIsIgnoredWithAWarningAndRebuilt() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    _ = try await Self.build(root, output: output, cache: cache)
    let files = try Self.cacheFiles(cache)
    for (index, file) in files.enumerated() {
      var bytes = [UInt8](try Data(contentsOf: file))
      if index.isMultiple(of: 2) {
        bytes[bytes.count - 3] ^= 0xFF
      } else {
        bytes.removeLast(bytes.count - CacheTable.magic.count - 3)
      }
      try Data(bytes).write(to: file)
    }
    try Data(Self.catalog(description: "Payments").utf8).write(
      to: root.appendingPathComponent("content/catalog/c.yaml"))
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.published)
    #expect(
      second.warnings.sorted()
        == files.enumerated().map { index, file in
          "ignoring the build cache file \(file.path): "
            + (index.isMultiple(of: 2)
              ? "its checksum does not match its contents" : "it ends early or holds a bad length")
            + "; it is rebuilt"
        }.sorted())
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
    let third = try await Self.build(root, output: output, cache: cache)
    #expect(third.warnings.isEmpty)
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
  }

  @Test func aCacheThatCannotBeWrittenIsReportedAndTheSiteStillPublished() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    try Data("not a folder\n".utf8).write(to: cache)
    let result = try await Self.build(root, output: output, cache: cache)
    #expect(result.published)
    // Every table the build wrote (they are written while later stages run) is reported.
    #expect(result.warnings.count >= 4)
    #expect(
      Set(result.warnings) == ["cannot use the build cache \(cache.path): it is not a folder (links are not followed)"])
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
    #expect(try String(contentsOf: cache, encoding: .utf8) == "not a folder\n")
  }

  @Test func aCacheWrittenByAnotherWaymarkIsIgnoredWithAWarning() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    _ = try await Self.build(root, output: output, cache: cache)
    // The header is the magic, the format version (one byte), then the Waymark version with its length.
    let files = try Self.cacheFiles(cache)
    for file in files {
      let bytes = [UInt8](try Data(contentsOf: file))
      let start = CacheTable.magic.count + 1
      let length = Int(bytes[start])
      #expect(Array(bytes[(start + 1)..<(start + 1 + length)]) == Array(WaymarkVersion.current.utf8))
      let other = Array("9.9.9-other".utf8)
      try Data(Array(bytes[..<start]) + [UInt8(other.count)] + other + Array(bytes[(start + 1 + length)...])).write(
        to: file)
    }
    try Data("# Svc\n\nChanged.\n".utf8).write(to: root.appendingPathComponent("content/docs/svc/docs/index.md"))
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.published)
    #expect(
      second.warnings.sorted()
        == files.map {
          "ignoring the build cache file \($0.path): written by Waymark 9.9.9-other, this is Waymark "
            + "\(WaymarkVersion.current); it is rebuilt"
        }.sorted())
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
    #expect(try await Self.build(root, output: output, cache: cache).warnings.isEmpty)
  }

  @Test func anOutputFileChangedSinceItWasPublishedIsWrittenAgain() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    _ = try await Self.build(root, output: output, cache: cache)
    let page = output.appendingPathComponent("docs/default/component/svc/guide/index.html")
    try Data("tampered".utf8).write(to: page)
    _ = try await Self.build(root, output: output, cache: cache)
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
  }

  @Test func aCacheOfAnotherConfigurationIsNotUsedAndNeedsNoWarning() async throws {
    let root = try Self.site(description: "Orders")
    let parent = try TestPaths.temporaryDirectory("cache")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    _ = try await Self.build(root, output: output, cache: cache)
    try Data("site:\n  title: Other portal\n".utf8).write(to: root.appendingPathComponent("waymark.yaml"))
    let second = try await Self.build(root, output: output, cache: cache)
    #expect(second.published && second.warnings.isEmpty)
    #expect(SiteFixture.snapshot(of: output) == (try await Self.coldSite(root)))
  }
}

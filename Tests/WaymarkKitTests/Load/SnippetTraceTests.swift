import Foundation
import Testing
import WaymarkCatalog
import WaymarkDocs
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// A docs site's snippet files are found by replaying the trace an earlier build stored when the
/// site still answers every question the trace asked the same; otherwise the pages are expanded.
@Suite struct SnippetTraceTests {
  /// A page including a snippet that includes another, and a base path probed before the one
  /// that holds them.
  static let files = DocsSnippetTests.site(
    [
      "docs/index.md": "# Home\n\n--8<-- \"note.md\"\n",
      "shared/note.md": "Note.\n\n--8<-- \"deeper.md\"\n",
      "shared/deeper.md": "Deeper.\n",
    ],
    config: "site_name: Svc\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: [first, shared]\n")

  static func load(_ root: URL, traces: CacheTable?) async throws -> LoadedDocsSite {
    let config = SiteConfigLoader().load(root: root).config
    let finder = InputFinder(root: root, excludedFolders: [])
    let catalogPaths = finder.files(matching: config.catalogGlobs, in: finder.allFiles())
    let loaded = await CatalogLoader(root: root).load(paths: catalogPaths)
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let (sites, _) = await DocsSetBuilder(root: root, config: config)
      .load(catalog: catalog, files: finder.allFiles(), snippetTraces: traces)
    return try #require(sites.first)
  }

  static func table(_ entries: [MemoKey: [UInt8]]) throws -> CacheTable {
    let configuration = MemoKey.digest(of: [0])
    let file = CacheTable.encode(name: SnippetTrace.table, configuration: configuration, entries: entries)
    return try CacheTable.decode(file, name: SnippetTrace.table, configuration: configuration).get()
  }

  /// The snippet files read, each with its text or the reason it was not read.
  static func reads(_ site: LoadedDocsSite) -> [String: String] {
    site.snippets.mapValues { result in
      switch result {
      case .success(let file): String(decoding: file.bytes, as: UTF8.self)
      case .failure(let diagnostic): "error: \(diagnostic.message)"
      }
    }
  }

  @Test func aTraceRecordsWhatFindingTheSnippetsAskedAndReplaysIt() async throws {
    let root = try SiteFixture.make(Self.files)
    let untraced = try await Self.load(root, traces: nil)
    #expect(untraced.snippetTrace == nil)
    let first = try await Self.load(root, traces: try Self.table([:]))
    let trace = try #require(first.snippetTrace)
    var reader = CacheRecordReader(trace.entry)
    let stored = try SnippetTrace(from: &reader)
    let prefix = "content/docs/svc/"
    // Each base is asked too: a base naming a file admits that file only.
    #expect(
      stored.probes == [
        prefix + "first": false, prefix + "shared": false,
        prefix + "first/note.md": false, prefix + "shared/note.md": true,
        prefix + "first/deeper.md": false, prefix + "shared/deeper.md": true,
      ])
    #expect(Set(stored.reads.keys) == [prefix + "shared/note.md", prefix + "shared/deeper.md"])
    #expect(Self.reads(first) == Self.reads(untraced))
    #expect(
      Self.reads(first) == [
        prefix + "shared/note.md": "Note.\n\n--8<-- \"deeper.md\"\n", prefix + "shared/deeper.md": "Deeper.\n",
      ])

    // A stored trace whose answers hold is replayed as it is: one that asked nothing reads nothing.
    let empty = try await Self.load(root, traces: try Self.table([trace.key: SnippetTrace().bytes]))
    #expect(empty.snippets.isEmpty)
    let replayed = try await Self.load(root, traces: try Self.table([trace.key: trace.entry]))
    #expect(Self.reads(replayed) == Self.reads(first))
    #expect(replayed.snippetTrace?.entry == trace.entry)
  }

  @Test func aChangedSnippetOrAFileWhereNoneWasFindsTheSnippetsAgain() async throws {
    let root = try SiteFixture.make(Self.files)
    let trace = try #require(try await Self.load(root, traces: try Self.table([:])).snippetTrace)
    let traces = try Self.table([trace.key: trace.entry])
    let folder = root.appendingPathComponent("content/docs/svc")

    try Data("Note, no longer nested.\n".utf8).write(to: folder.appendingPathComponent("shared/note.md"))
    let changed = try await Self.load(root, traces: traces)
    #expect(Self.reads(changed) == ["content/docs/svc/shared/note.md": "Note, no longer nested.\n"])

    try Data("Note.\n\n--8<-- \"deeper.md\"\n".utf8).write(to: folder.appendingPathComponent("shared/note.md"))
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("first"), withIntermediateDirectories: true)
    try Data("Found first.\n".utf8).write(to: folder.appendingPathComponent("first/deeper.md"))
    let probed = try await Self.load(root, traces: traces)
    #expect(
      Self.reads(probed) == [
        "content/docs/svc/shared/note.md": "Note.\n\n--8<-- \"deeper.md\"\n",
        "content/docs/svc/first/deeper.md": "Found first.\n",
      ])
  }
}

import Foundation
import Markdown
import StructuredData
import Testing
import WaymarkModel
import YAML

/// The build cache's file format: what is written reads back, and nothing else is trusted.
@Suite struct CacheTableTests {
  static let configuration = MemoKey.digest(of: Array("configuration".utf8))
  static let entries: [MemoKey: [UInt8]] = [
    MemoKey.digest(of: [1]): [1, 2, 3], MemoKey.digest(of: [2]): [],
    MemoKey.digest(of: [3]): Array(repeating: 7, count: 300),
  ]

  @Test func aTableReadsBackEntryForEntry() throws {
    let file = CacheTable.encode(name: "docs", configuration: Self.configuration, entries: Self.entries)
    let table = try CacheTable.decode(file, name: "docs", configuration: Self.configuration).get()
    #expect(table.count == 3)
    for (key, bytes) in Self.entries { #expect(table.entry(key).map(Array.init) == bytes) }
    #expect(table.entry(MemoKey.digest(of: [4])) == nil)
    // Equal tables are equal files, whatever order the entries came in.
    #expect(CacheTable.encode(name: "docs", configuration: Self.configuration, entries: Self.entries) == file)
  }

  @Test func whatIsNotTrustedSaysWhy() {
    let file = CacheTable.encode(name: "docs", configuration: Self.configuration, entries: Self.entries)
    func problem(_ bytes: [UInt8], name: String = "docs", configuration: MemoKey = Self.configuration)
      -> CacheTable.Problem?
    {
      guard case .failure(let problem) = CacheTable.decode(bytes, name: name, configuration: configuration) else {
        return nil
      }
      return problem
    }
    #expect(problem(Array("not a cache".utf8)) == .foreign("not a Waymark cache file"))
    var format = file
    format[CacheTable.magic.count] = 9
    #expect(problem(format) == .foreign("cache format 9, this Waymark reads format \(CacheTable.formatVersion)"))
    #expect(problem(file, configuration: MemoKey.digest(of: [9])) == .stale)
    #expect(problem(file, name: "output") == .corrupt("holds the table 'docs'"))
    var flipped = file
    flipped[flipped.count - 1] ^= 1
    #expect(problem(flipped) == .corrupt("its checksum does not match its contents"))
    #expect(problem(Array(file.prefix(CacheTable.magic.count + 2))) == .corrupt("it ends early or holds a bad length"))
  }

  @Test func valuesReadBackAsWritten() throws {
    let value: JSONValue = ["a": [1, 2.5, "x", nil, true], "b": ["c": false]]
    let diagnostic = Diagnostic.error(
      .docsBrokenLink, "link to 'x.md' names no page", at: SourceLocation(path: "docs/a.md", line: 3, column: 4),
      notes: [DiagnosticNote("see here", at: SourceLocation(path: "mkdocs.yml"))])
    let yaml = YAMLLoader().load("a: [1, 'two']\nb: &x {c: d}\n").documents[0].root
    var writer = CacheRecordWriter()
    writer.add(value)
    writer.add(diagnostic)
    writer.add(yaml)
    writer.add(-42)
    writer.add(Optional<String>.none)
    var reader = CacheRecordReader(writer.bytes)
    #expect(try reader.value(JSONValue.self) == value)
    #expect(try reader.value(Diagnostic.self) == diagnostic)
    #expect(try reader.value(YAMLNode.self) == yaml)
    #expect(try reader.int() == -42)
    #expect(try reader.optionalString() == nil)
    #expect(reader.isAtEnd)
    var short = CacheRecordReader(Array(writer.bytes.prefix(5)))
    #expect(throws: CacheRecordReader.Corrupt.self) { try short.value(JSONValue.self) }
  }

  /// `MemoHasher.add(_: DocsSite)` keys the pages built from a site: a property it left out would
  /// let a page built from an older site be taken for a newer one.
  @Test func theDocsSiteKeyCoversEveryStoredProperty() {
    let page = DocsPage(
      source: "a.md", path: "a.md", slug: "", title: "A", description: nil, tags: [], html: "", headings: [], words: 0,
      editURL: nil)
    let site = DocsSite(
      entity: EntityRef(kind: "Component", name: "a"), folder: "a", docsFolder: "a/docs", name: "A", description: nil,
      pages: [page], nav: [], readingOrder: [0], assets: [], brokenLinks: 0)
    #expect(
      Mirror(reflecting: site).children.compactMap(\.label) == [
        "entity", "folder", "docsFolder", "name", "description", "pages", "nav", "readingOrder", "assets",
        "brokenLinks", "origin",
      ])
    #expect(
      Mirror(reflecting: page).children.compactMap(\.label) == [
        "source", "path", "slug", "title", "description", "tags", "html", "headings", "words", "editURL",
      ])
    func key(_ site: DocsSite) -> MemoKey {
      var hasher = MemoHasher("test")
      hasher.add(site)
      return hasher.finish()
    }
    var changed = site
    changed.pages[0].words = 1
    #expect(key(changed) != key(site))
    changed = site
    changed.nav = [DocsNavItem(title: "A", target: .page(0))]
    #expect(key(changed) != key(site))
    changed = site
    changed.origin = RemoteOrigin(url: "https://github.com/acme/a", resolvedURL: "https://example.test/a", sha256: "00")
    #expect(key(changed) != key(site))
  }
}

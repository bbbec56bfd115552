import WaymarkModel

/// What finding one docs site's snippet files asked (`DocsLoader.readSnippets`): each path asked
/// whether the site holds it, with the answer, and each file read, with what reading it gave.
///
/// Which files a site's snippets read follows from its pages, its snippet settings and these
/// answers alone. A trace stored by an earlier build (the build cache's `snippets` table, keyed
/// by `key(siteFolder:settings:pages:)`) is replayed when every answer is the same again: the
/// same files are read, and no page is expanded to find them.
package struct SnippetTrace: Sendable, Equatable {
  /// The table's name in the build cache.
  package static let table = "snippets"

  /// Each path asked whether the site holds it, with the answer.
  package var probes: [String: Bool] = [:]
  /// Each path read, with the fingerprint of what reading it gave (`fingerprint(of:)`).
  package var reads: [String: MemoKey] = [:]

  /// An empty trace.
  package init() {}

  /// The key of a site's trace: its folder, its snippet settings and every page's path and bytes.
  package static func key(
    siteFolder: String, settings: MkDocsConfig.SnippetSettings, pages: [SourceFile]
  ) -> MemoKey {
    var hasher = MemoHasher("snippet-trace")
    hasher.add(siteFolder)
    hasher.add(settings.basePaths.count)
    for base in settings.basePaths { hasher.add(base) }
    hasher.add(settings.checksPaths)
    hasher.add(settings.autoAppend.count)
    for path in settings.autoAppend { hasher.add(path) }
    hasher.add(settings.dedentsSubsections)
    hasher.add(pages.count)
    for page in pages {
      hasher.add(page.path)
      hasher.add(page.bytes)
    }
    return hasher.finish()
  }

  /// The fingerprint of a read: the file's bytes, or the whole diagnostic saying why it was not read.
  package static func fingerprint(of read: Result<SourceFile, Diagnostic>) -> MemoKey {
    switch read {
    case .success(let file):
      var hasher = MemoHasher("snippet-read")
      hasher.add(file.path)
      hasher.add(file.bytes)
      return hasher.finish()
    case .failure(let diagnostic):
      var writer = CacheRecordWriter()
      writer.add(diagnostic)
      return MemoKey.digest(of: writer.bytes)
    }
  }

  /// The trace as a cache entry.
  package var bytes: [UInt8] {
    var writer = CacheRecordWriter()
    writer.add(UInt64(probes.count))
    for path in probes.keys.sorted() {
      writer.add(path)
      writer.add(probes[path] ?? false)
    }
    writer.add(UInt64(reads.count))
    for path in reads.keys.sorted() {
      writer.add(path)
      writer.add(reads[path] ?? MemoKey.digest(of: []))
    }
    return writer.bytes
  }

  /// The trace a cache entry holds.
  package init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    for _ in 0..<(try reader.count(minimumBytes: 2)) { probes[try reader.string()] = try reader.bool() }
    for _ in 0..<(try reader.count(minimumBytes: 2)) { reads[try reader.string()] = try reader.key() }
    guard reader.isAtEnd else { throw CacheRecordReader.Corrupt() }
  }
}

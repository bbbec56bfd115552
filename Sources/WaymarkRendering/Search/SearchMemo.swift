import WaymarkModel

/// The full-text index's costly parts from earlier builds (the build cache's `search` table):
/// each docs page's plain text, by its HTML, and each entry's terms counted by field, by its
/// text. The index itself is built again every time (its scores depend on every document), from
/// these.
package struct SearchMemo: Sendable {
  /// The table's name in the build cache.
  package static let table = "search"

  /// What earlier builds stored.
  package let stored: CacheTable

  /// A memo of `stored`.
  package init(_ stored: CacheTable) {
    self.stored = stored
  }

  /// The full-text index files of `input` (as `FullTextIndexWriter().files(for:)` writes them),
  /// with the entries to keep for the next build.
  package func index(of input: RenderInput) -> (files: [OutputFile], entries: [MemoKey: [UInt8]]) {
    var kept: [MemoKey: [UInt8]] = [:]
    let entries = SearchCatalogue(input: input).entries { html in
      var hasher = MemoHasher("search-plain-text")
      hasher.add(html)
      let key = hasher.finish()
      if let bytes = stored.entry(key), var reader = stored.reader(for: key), let text = try? reader.string() {
        kept[key] = Array(bytes)
        return text
      }
      let text = SearchText.plainText(fromHTML: html)
      var writer = CacheRecordWriter()
      writer.add(text)
      kept[key] = writer.bytes
      return text
    }
    let files = FullTextIndexWriter().files(for: entries) { entry in
      var hasher = MemoHasher("search-tally")
      for field in [entry.titleText, entry.tags.joined(separator: "\u{1}"), entry.headings, entry.body] {
        hasher.add(field)
      }
      let key = hasher.finish()
      if let bytes = stored.entry(key), let tally = Self.readTally(bytes) {
        kept[key] = Array(bytes)
        return tally
      }
      let tally = FullTextIndexWriter.Tally(FullTextIndexWriter.terms(of: entry))
      var writer = CacheRecordWriter()
      for field in 0..<4 { writer.add(Int(tally.lengths[field])) }
      writer.add(UInt64(tally.counts.count))
      for (term, counts) in tally.counts {
        writer.add(term)
        for field in 0..<4 { writer.add(Int(counts[field])) }
      }
      kept[key] = writer.bytes
      return tally
    }
    return (files, kept)
  }

  private static func readTally(_ bytes: ArraySlice<UInt8>) -> FullTextIndexWriter.Tally? {
    var reader = CacheRecordReader(Array(bytes))
    func fieldCounts() throws(CacheRecordReader.Corrupt) -> FullTextIndexWriter.FieldCounts {
      var counts = FullTextIndexWriter.FieldCounts()
      for field in 0..<4 {
        let count = try reader.int()
        guard let value = Int32(exactly: count), value >= 0 else { throw CacheRecordReader.Corrupt() }
        counts[field] = value
      }
      return counts
    }
    do {
      let lengths = try fieldCounts()
      var counts: [(term: String, counts: FullTextIndexWriter.FieldCounts)] = []
      for _ in 0..<(try reader.count(minimumBytes: 1)) { counts.append((try reader.string(), try fieldCounts())) }
      return reader.isAtEnd ? FullTextIndexWriter.Tally(lengths: lengths, counts: counts) : nil
    } catch {
      return nil
    }
  }
}

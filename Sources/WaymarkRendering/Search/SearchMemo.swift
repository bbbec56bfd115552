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
  /// with the entries to keep for the next build. The entities' entries, the docs pages' plain
  /// text and the terms' tallies are made on every core.
  package func index(of input: RenderInput) async -> (files: [OutputFile], entries: [MemoKey: [UInt8]]) {
    let catalogue = SearchCatalogue(input: input)
    let entities = input.catalog.entities
    async let entityEntries = entities.concurrentlyInSlices { catalogue.entityEntries($0) }
    var kept: [MemoKey: [UInt8]] = [:]
    let docsEntries = catalogue.docsEntries { html in
      let (key, text, bytes) = plainText(of: html)
      kept[key] = bytes
      return text
    }
    let entries = (await entityEntries).flatMap { $0 } + docsEntries + catalogue.scorecardEntries()
    let ordered = FullTextIndexWriter.ordered(entries)
    let memo = self
    var counted = await ordered.concurrentlyInSlices { slice in slice.map(memo.tally(of:)) }
    var tallies: [FullTextIndexWriter.Tally] = []
    tallies.reserveCapacity(ordered.count)
    for slice in counted {
      for (key, tally, bytes) in slice {
        tallies.append(tally)
        kept[key] = bytes
      }
    }
    // The scoring lets each tally go as it counts it in: nothing else may hold them.
    counted = []
    return (await FullTextIndexWriter().files(ordered: ordered, tallies: consume tallies), kept)
  }

  /// The plain text of a docs page's `html`, stored or made: its key and its record.
  private func plainText(of html: String) -> (key: MemoKey, text: String, record: [UInt8]) {
    var hasher = MemoHasher("search-plain-text")
    hasher.add(html)
    let key = hasher.finish()
    if let bytes = stored.entry(key), var reader = stored.reader(for: key), let text = try? reader.string() {
      return (key, text, Array(bytes))
    }
    let text = SearchText.plainText(fromHTML: html)
    var writer = CacheRecordWriter()
    writer.add(text)
    return (key, text, writer.bytes)
  }

  /// The terms of `entry` counted by field, stored or made: its key and its record.
  private func tally(of entry: SearchEntry) -> (key: MemoKey, tally: FullTextIndexWriter.Tally, record: [UInt8]) {
    var hasher = MemoHasher("search-tally")
    for field in [entry.titleText, entry.tags.joined(separator: "\u{1}"), entry.headings, entry.body] {
      hasher.add(field)
    }
    let key = hasher.finish()
    if let bytes = stored.entry(key), let tally = Self.readTally(bytes) {
      return (key, tally, Array(bytes))
    }
    let tally = FullTextIndexWriter.Tally(FullTextIndexWriter.terms(of: entry))
    var writer = CacheRecordWriter()
    for field in 0..<4 { writer.add(Int(tally.lengths[field])) }
    writer.add(UInt64(tally.counts.count))
    for (term, counts) in tally.counts {
      writer.add(term)
      for field in 0..<4 { writer.add(Int(counts[field])) }
    }
    return (key, tally, writer.bytes)
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

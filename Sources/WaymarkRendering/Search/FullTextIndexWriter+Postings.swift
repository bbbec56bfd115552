import Foundation

extension FullTextIndexWriter {
  /// How often a term occurs in each field of one document (title, tags, headings, body), or how
  /// many terms each field holds.
  struct FieldCounts {
    private var counts: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

    subscript(field: Int) -> Int32 {
      get {
        switch field {
        case 0: return counts.0
        case 1: return counts.1
        case 2: return counts.2
        default: return counts.3
        }
      }
      set {
        switch field {
        case 0: counts.0 = newValue
        case 1: counts.1 = newValue
        case 2: counts.2 = newValue
        default: counts.3 = newValue
        }
      }
    }
  }

  /// One document's terms counted: how many each field holds, and how often each term occurs
  /// in each field (by term).
  struct Tally: Sendable {
    var lengths = FieldCounts()
    var counts: [(term: String, counts: FieldCounts)] = []

    /// The tally of `fields` (title, tags, headings, body), its terms in order.
    init(_ fields: [[String]]) {
      var byTerm: [String: FieldCounts] = [:]
      for (field, found) in fields.enumerated() {
        lengths[field] = Int32(found.count)
        for term in found { byTerm[term, default: FieldCounts()][field] += 1 }
      }
      counts = byTerm.map { ($0.key, $0.value) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }

    /// A tally as stored (`SearchMemo`).
    init(lengths: FieldCounts, counts: [(term: String, counts: FieldCounts)]) {
      self.lengths = lengths
      self.counts = counts
    }
  }

  /// The terms of `entry` by field: title, tags, headings, body.
  package static func terms(of entry: SearchEntry) -> [[String]] {
    var stems: [String: String] = [:]
    return terms(of: entry, stems: &stems)
  }

  /// The terms of `entry` by field, stemming through `stems`.
  static func terms(of entry: SearchEntry, stems: inout [String: String]) -> [[String]] {
    [entry.titleText, entry.tags.joined(separator: " "), entry.headings, entry.body].map { text in
      SearchText.words(in: text).map { word in
        if let stem = stems[word] { return stem }
        let stem = SearchText.stem(word)
        stems[word] = stem
        return stem
      }
    }
  }

  /// term → [(document, score × 100)], in document order, with each entry's terms counted in
  /// `tallies` (in the same order).
  ///
  /// Only each document's counts per term and its fields' lengths are kept for scoring, not
  /// every term of every document; each tally is let go as it is counted in.
  func scoredPostings(_ entries: [SearchEntry], tallies: consuming [Tally]) -> [String: [(Int32, Int32)]] {
    let fieldCount = Self.fieldWeights.count
    var tallies = consume tallies
    var lengths: [FieldCounts] = []
    lengths.reserveCapacity(entries.count)
    var frequencies: [String: [(document: Int32, counts: FieldCounts)]] = [:]
    for id in tallies.indices {
      let counted = tallies[id]
      tallies[id] = Tally(lengths: FieldCounts(), counts: [])
      lengths.append(counted.lengths)
      for (term, perField) in counted.counts { frequencies[term, default: []].append((Int32(id), perField)) }
    }
    var averages = [Double](repeating: 0, count: fieldCount)
    for length in lengths {
      for field in 0..<fieldCount { averages[field] += Double(length[field]) }
    }
    averages = averages.map { max(1, $0 / Double(max(1, entries.count))) }
    let total = Double(entries.count)
    // Millions of postings at scale: each term's counts are let go as its scores are made, so
    // the two tables are never held whole at once, and a posting takes 8 bytes.
    var postings: [String: [(Int32, Int32)]] = [:]
    postings.reserveCapacity(frequencies.count)
    for term in Array(frequencies.keys) {
      guard let hits = frequencies.removeValue(forKey: term) else { continue }
      let df = Double(hits.count)
      let idf = log(1 + (total - df + 0.5) / (df + 0.5))
      // Documents were counted in order: each term's hits are in document order already.
      postings[term] = hits.map { hit in
        let id = Int(hit.document)
        // BM25 per field, weighted after saturation, so a title hit outweighs any amount of body text.
        var score = 0.0
        for field in 0..<fieldCount where hit.counts[field] > 0 {
          let norm = 1 - Self.b + Self.b * Double(lengths[id][field]) / averages[field]
          let tf = Double(hit.counts[field])
          score += Self.fieldWeights[field] * tf * (Self.k1 + 1) / (tf + Self.k1 * norm)
        }
        score *= idf * (Self.kindPriors[entries[id].kind] ?? 1)
        return (hit.document, Int32(clamping: max(1, Int((score * 100).rounded()))))
      }
    }
    return postings
  }
}

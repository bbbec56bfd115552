import Foundation
import StructuredData

/// Writes the full-text search index under `search/v2/`: a small manifest, term shards named by
/// the prefix their terms share, and one fragment per result.
///
/// Each posting carries a precomputed score: BM25 per field (term frequency damped by the field's
/// length), weighted title 8, tags 4, headings and description 2, body 1, so the browser only adds
/// numbers. `assets/search.js` reads it; `SearchText` holds the word rules both share.
public struct FullTextIndexWriter: Sendable {
  /// The largest term shard wanted, in bytes, before its terms are split by one more letter.
  public var shardBudget: Int
  /// The most characters of text a fragment keeps for the excerpt.
  public var excerptLimit: Int

  /// Field weights: title, tags, headings (and description), body.
  static let fieldWeights: [Double] = [8, 4, 2, 1]
  /// A prior per kind: what people look for most often ranks first among equal matches (a docs
  /// page that repeats its component's name comes after the component).
  static let kindPriors: [String: Double] = [
    "Component": 1.25, "API": 1.15, "System": 1.1, "Docs": 0.9, "Group": 0.95, "User": 0.9, "Location": 0.8,
  ]
  static let k1 = 1.2
  static let b = 0.75

  /// Creates a writer.
  public init(shardBudget: Int = 16_000, excerptLimit: Int = 3_000) {
    self.shardBudget = shardBudget
    self.excerptLimit = excerptLimit
  }

  /// The index files for `entries`; documents are numbered in (kind, URL) order.
  public func files(for entries: [SearchEntry]) -> [OutputFile] {
    let ordered = Self.ordered(entries)
    // Words repeat across documents: each is stemmed once.
    var stems: [String: String] = [:]
    let tallies = ordered.map { Tally(Self.terms(of: $0, stems: &stems)) }
    let terms = termFiles(ordered, tallies: consume tallies)
    return terms.files + fragmentFiles(ordered) + [manifest(ordered, shards: terms.shards)]
  }

  /// `files(for:)` of entries already in order, with each one's terms counted (`tallies`, in
  /// the same order): the fragments are written on another core while the terms are scored.
  func files(ordered: [SearchEntry], tallies: consuming [Tally]) async -> [OutputFile] {
    async let fragments = fragmentFiles(ordered)
    let terms = termFiles(ordered, tallies: consume tallies)
    return terms.files + (await fragments) + [manifest(ordered, shards: terms.shards)]
  }

  /// `entries` in the index's document order: by kind, then URL.
  static func ordered(_ entries: [SearchEntry]) -> [SearchEntry] {
    entries.sorted { ($0.kind, $0.url) < ($1.kind, $1.url) }
  }

  /// The term shards of `ordered` and their keys, sorted.
  private func termFiles(_ ordered: [SearchEntry], tallies: consuming [Tally]) -> (
    files: [OutputFile], shards: [String]
  ) {
    var postings = scoredPostings(ordered, tallies: consume tallies)
    for (id, entry) in ordered.enumerated() {
      for name in Set(entry.names.map(SearchText.compact)) where name.count >= 2 {
        postings["=" + name, default: []].append((Int32(id), 0))
      }
    }
    let shards = shard(postings)
    let keys = shards.keys.sorted()
    let writer = JSONWriter(pretty: false)
    let files = keys.map { key in
      OutputFile(path: "search/v2/t/\(key).json", bytes: writer.bytes(for: shardJSON(shards[key] ?? [], postings)))
    }
    return (files, keys)
  }

  /// One fragment file per document, by its number.
  private func fragmentFiles(_ ordered: [SearchEntry]) -> [OutputFile] {
    let writer = JSONWriter(pretty: false)
    return ordered.enumerated().map { id, entry in
      OutputFile(path: "search/v2/f/\(id).json", bytes: writer.bytes(for: fragment(entry)))
    }
  }

  /// The manifest: how many documents, where each kind's begin, and the shards' keys.
  private func manifest(_ ordered: [SearchEntry], shards: [String]) -> OutputFile {
    var kinds: [JSONValue] = []
    for (id, entry) in ordered.enumerated() where id == 0 || ordered[id - 1].kind != entry.kind {
      kinds.append([.string(entry.kind), .int(Int64(id))])
    }
    let manifest: JSONValue = [
      "version": 2, "documents": .int(Int64(ordered.count)), "kinds": .array(kinds),
      "shards": .string(shards.joined(separator: " ")),
    ]
    return OutputFile(path: "search/v2/manifest.json", bytes: JSONWriter(pretty: false).bytes(for: manifest))
  }

  /// Shard key → its terms: the terms' first two letters, one more letter while a shard is over
  /// budget (a term as long as the key stays in it).
  func shard(_ postings: [String: [(Int32, Int32)]]) -> [String: [String]] {
    var shards: [String: [String]] = [:]
    for term in postings.keys {
      let bare = term.hasPrefix("=") ? String(term.dropFirst()) : term
      shards[String(bare.prefix(2)), default: []].append(term)
    }
    var pending = Array(shards.keys)
    while let key = pending.popLast() {
      let terms = shards[key] ?? []
      let size = terms.reduce(0) { $0 + $1.utf8.count + 4 + (postings[$1]?.count ?? 0) * 7 }
      let longer = terms.filter { bareLength($0) > key.count }
      guard size > shardBudget, !longer.isEmpty else { continue }
      shards[key] = terms.filter { bareLength($0) <= key.count }
      if shards[key]?.isEmpty == true { shards[key] = nil }
      var split: [String: [String]] = [:]
      for term in longer {
        let bare = term.hasPrefix("=") ? term.dropFirst() : Substring(term)
        split[String(bare.prefix(key.count + 1)), default: []].append(term)
      }
      for (subKey, subTerms) in split {
        shards[subKey, default: []] += subTerms
        pending.append(subKey)
      }
    }
    return shards
  }

  private func bareLength(_ term: String) -> Int { term.hasPrefix("=") ? term.count - 1 : term.count }

  /// A shard: term → [document, score, …] with each document number after the first given as the
  /// difference to the previous one; name keys (`=…`) list documents only.
  private func shardJSON(_ terms: [String], _ postings: [String: [(Int32, Int32)]]) -> JSONValue {
    var object: [String: JSONValue] = [:]
    for term in terms {
      var previous: Int32 = 0
      var values: [JSONValue] = []
      for (id, score) in postings[term] ?? [] {
        values.append(.int(Int64(id) - Int64(previous)))
        if !term.hasPrefix("=") { values.append(.int(Int64(score))) }
        previous = id
      }
      object[term] = .array(values)
    }
    return .object(object)
  }

  private func fragment(_ entry: SearchEntry) -> JSONValue {
    var excerpt = entry.excerpt
    if excerpt.count > excerptLimit {
      let cut = excerpt.prefix(excerptLimit)
      excerpt = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)])
    }
    return [
      "t": .string(entry.title), "u": .string(entry.url), "k": .string(entry.kind), "o": .string(entry.owner),
      "x": .string(excerpt),
    ]
  }
}

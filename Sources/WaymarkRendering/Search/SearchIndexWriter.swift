import StructuredData

/// Writes an offline full-text index split into small files, so a static host can serve search.
///
/// Terms are grouped into shards by their first two letters (three when a shard would exceed
/// `shardBudget` bytes); documents into pages of `documentsPerFile`. A query downloads the
/// manifest, one term shard per query word and the document pages its hits fall in.
public struct SearchIndexWriter: Sendable {
  /// The largest term shard wanted, in bytes, before splitting by a longer prefix.
  public var shardBudget: Int
  /// Documents per document file.
  public var documentsPerFile: Int

  /// Creates a writer.
  public init(shardBudget: Int = 60_000, documentsPerFile: Int = 400) {
    self.shardBudget = shardBudget
    self.documentsPerFile = documentsPerFile
  }

  /// Lowercased words of at least two letters or digits.
  public static func terms(in text: String) -> [String] {
    var terms: [String] = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else {
        if current.count >= 2 { terms.append(current) }
        current = ""
      }
    }
    if current.count >= 2 { terms.append(current) }
    return terms
  }

  /// Adds `weight` to the last hit when it is `document`'s, else appends a hit.
  private static func add(_ weight: Int, for document: Int, to hits: inout [(document: Int, weight: Int)]) {
    if let last = hits.indices.last, hits[last].document == document {
      hits[last].weight += weight
    } else {
      hits.append((document, weight))
    }
  }

  /// The index files under `search/` for `documents` (sorted by URL for stable ids).
  public func files(for documents: [SearchDocument]) -> [OutputFile] {
    let sorted = documents.sorted { ($0.url, $0.title) < ($1.url, $1.title) }
    // term → [(doc, weight)] in document order: title words weigh 3, summary 2, other text 1.
    var postings: [String: [(document: Int, weight: Int)]] = [:]
    for (id, document) in sorted.enumerated() {
      for (text, weight) in [(document.title, 3), (document.summary, 2), (document.text, 1), (document.kind, 1)] {
        for term in Self.terms(in: text) { Self.add(weight, for: id, to: &postings[term, default: []]) }
      }
    }
    let writer = JSONWriter(pretty: false)
    var shards: [String: [String: JSONValue]] = [:]
    func encode(_ term: String) -> JSONValue {
      let hits = (postings[term] ?? []).sorted { ($1.weight, $0.document) < ($0.weight, $1.document) }
      return .array(hits.flatMap { [JSONValue.int(Int64($0.document)), .int(Int64($0.weight))] })
    }
    for term in postings.keys {
      shards[String(term.prefix(2)), default: [:]][term] = encode(term)
    }
    // Split oversized two-letter shards by their third letter; the others are written as measured.
    var texts: [String: [UInt8]] = [:]
    for prefix in shards.keys.sorted() {
      guard let shard = shards[prefix] else { continue }
      let text = writer.bytes(for: .object(shard))
      guard text.count > shardBudget else {
        texts[prefix] = text
        continue
      }
      shards[prefix] = nil
      for (term, value) in shard {
        shards[String(term.prefix(3)), default: [:]][term] = value
      }
    }
    var files: [OutputFile] = []
    var shardNames: [String: JSONValue] = [:]
    for (index, prefix) in shards.keys.sorted().enumerated() {
      let name = "t\(index).json"
      shardNames[prefix] = .string(name)
      let text = texts[prefix] ?? writer.bytes(for: .object(shards[prefix] ?? [:]))
      files.append(OutputFile(path: "search/\(name)", bytes: text))
    }
    var pageCount = 0
    for start in stride(from: 0, to: sorted.count, by: documentsPerFile) {
      let page = sorted[start..<min(sorted.count, start + documentsPerFile)].map { document -> JSONValue in
        [
          "t": .string(document.title), "u": .string(document.url), "k": .string(document.kind),
          "s": .string(document.summary),
        ]
      }
      files.append(OutputFile(path: "search/d\(pageCount).json", bytes: writer.bytes(for: .array(page))))
      pageCount += 1
    }
    let manifest: JSONValue = [
      "version": 1, "documents": .int(Int64(sorted.count)), "documentsPerFile": .int(Int64(documentsPerFile)),
      "shards": .object(shardNames),
    ]
    files.append(OutputFile(path: "search/manifest.json", bytes: writer.bytes(for: manifest)))
    return files
  }
}

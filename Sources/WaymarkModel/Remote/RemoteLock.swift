import StructuredData

/// `waymark.lock`: for every URL the catalog reads, what `waymark fetch` downloaded.
///
/// Committed with the site, so every machine builds from the same bytes: a build reads a URL
/// only through its entry here and the cached file whose SHA-256 it names. The text is JSON
/// with sorted keys and entries sorted by URL, so an unchanged lock is byte-identical.
public struct RemoteLock: Sendable, Hashable {
  /// The lock's file name at the site root.
  public static let fileName = "waymark.lock"
  /// The cache folder at the site root, holding each fetched file under its SHA-256.
  public static let cacheFolder = ".waymark/cache"
  /// The format version written in the file.
  public static let version: Int64 = 1

  /// What a lock entry's bytes are, which says how its URL is downloaded again.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// One file, read through the raw-file endpoint.
    case file
    /// A folder (a TechDocs site), read from an archive of its repository at the ref and stored
    /// as a tar of its files (sorted, no owners or times), so its SHA-256 is that of the content.
    case folder
    /// A glob URL (`…/blob/main/services/**/catalog-info.yaml`) matched against an archive of
    /// its repository: the bytes list each match as `<sha256>  <url>` lines, sorted by URL, and
    /// each match has an entry of its own naming this one as its `search`.
    case search
  }

  /// What was fetched for one URL.
  public struct Entry: Sendable, Hashable {
    /// The URL as the catalog names it (after resolving it against the file naming it).
    public var url: String
    /// The URL actually downloaded: the raw-file endpoint, after any same-host redirect.
    public var resolvedURL: String
    /// The lowercase hex SHA-256 of the bytes.
    public var sha256: String
    /// The number of bytes.
    public var byteCount: Int
    /// When the bytes were first fetched (ISO 8601, UTC); kept while they stay the same.
    public var fetchedAt: String
    /// What the bytes are (written only when not `file`).
    public var kind: Kind
    /// The glob URL whose search found this file, if one did: it is downloaded again with it.
    public var search: String?

    /// Creates an entry.
    public init(
      url: String, resolvedURL: String, sha256: String, byteCount: Int, fetchedAt: String, kind: Kind = .file,
      search: String? = nil
    ) {
      self.url = url
      self.resolvedURL = resolvedURL
      self.sha256 = sha256
      self.byteCount = byteCount
      self.fetchedAt = fetchedAt
      self.kind = kind
      self.search = search
    }

    /// Whether both name the same bytes from the same place (the fetch time aside).
    public func sameContent(as other: Entry) -> Bool {
      url == other.url && resolvedURL == other.resolvedURL && sha256 == other.sha256 && byteCount == other.byteCount
        && kind == other.kind && search == other.search
    }
  }

  /// The entries by URL.
  public var entries: [String: Entry]

  /// Creates a lock.
  public init(entries: [String: Entry] = [:]) {
    self.entries = entries
  }

  /// Whether `text` is a lowercase hex SHA-256, the only name a cached file may have.
  public static func isDigest(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  /// The entries sorted by URL.
  public var sortedEntries: [Entry] {
    entries.values.sorted { $0.url.utf8.lexicographicallyPrecedes($1.url.utf8) }
  }

  /// The entries a glob search found, by the search's URL.
  public var matchesBySearch: [String: [Entry]] {
    Dictionary(grouping: sortedEntries.filter { $0.search != nil }, by: { $0.search ?? "" })
  }

  /// The file's text.
  public func text() -> String {
    let entries: [JSONValue] = sortedEntries.map { entry in
      var object: [String: JSONValue] = [
        "url": .string(entry.url), "resolvedURL": .string(entry.resolvedURL), "sha256": .string(entry.sha256),
        "bytes": .int(Int64(entry.byteCount)), "fetchedAt": .string(entry.fetchedAt),
      ]
      if entry.kind != .file { object["kind"] = .string(entry.kind.rawValue) }
      if let search = entry.search { object["search"] = .string(search) }
      return .object(object)
    }
    return JSONWriter().string(for: ["version": .int(Self.version), "entries": .array(entries)])
  }

  /// Parses the file's bytes, or says what is wrong with them.
  public static func parse(_ bytes: [UInt8]) -> Result<RemoteLock, RemoteLockProblem> {
    let value: JSONValue
    do {
      value = try JSONReader().parse(bytes)
    } catch {
      return .failure(
        RemoteLockProblem(message: "is not valid JSON: \(error.message)", line: error.line, column: error.column))
    }
    guard value["version"]?.intValue == version else {
      return .failure(RemoteLockProblem(message: "must have \"version\": \(version)"))
    }
    guard let list = value["entries"]?.arrayValue else {
      return .failure(RemoteLockProblem(message: "must have an \"entries\" list"))
    }
    var lock = RemoteLock()
    for (index, element) in list.enumerated() {
      guard let url = element["url"]?.stringValue, let resolved = element["resolvedURL"]?.stringValue,
        let sha256 = element["sha256"]?.stringValue, isDigest(sha256), let bytes = element["bytes"]?.intValue,
        let fetchedAt = element["fetchedAt"]?.stringValue
      else {
        return .failure(
          RemoteLockProblem(
            message:
              "entry \(index + 1) must have url, resolvedURL, sha256 (64 lowercase hex digits), bytes and fetchedAt"))
      }
      let kindText = element["kind"]?.stringValue ?? Kind.file.rawValue
      guard let kind = Kind(rawValue: kindText) else {
        return .failure(
          RemoteLockProblem(
            message: "entry \(index + 1) has the kind '\(kindText)'; it must be file, folder or search"))
      }
      lock.entries[url] = Entry(
        url: url, resolvedURL: resolved, sha256: sha256, byteCount: Int(bytes), fetchedAt: fetchedAt, kind: kind,
        search: element["search"]?.stringValue)
    }
    return .success(lock)
  }
}

/// Why `waymark.lock` cannot be read.
public struct RemoteLockProblem: Error, Sendable, Hashable {
  /// What is wrong, after "waymark.lock ".
  public var message: String
  /// Where, when known (1-based; 0 when not).
  public var line = 0
  /// Where, when known (1-based; 0 when not).
  public var column = 0
}

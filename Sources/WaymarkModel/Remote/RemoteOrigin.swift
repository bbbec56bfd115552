/// Where fetched content came from, for provenance on the pages and in the API: the URL the
/// catalog names, what was downloaded for it and the SHA-256 `waymark.lock` records.
public struct RemoteOrigin: Sendable, Hashable {
  /// The URL as the catalog names it.
  public var url: String
  /// The URL downloaded (a raw-file or archive endpoint).
  public var resolvedURL: String
  /// The locked SHA-256 of the bytes (for a folder, of its files packed as `waymark fetch` stores them).
  public var sha256: String

  /// Creates an origin.
  public init(url: String, resolvedURL: String, sha256: String) {
    self.url = url
    self.resolvedURL = resolvedURL
    self.sha256 = sha256
  }

  /// The origin `lock` records for `url`, if it has an entry.
  public init?(url: String, lock: RemoteLock) {
    guard let entry = lock.entries[url] else { return nil }
    self.init(url: url, resolvedURL: entry.resolvedURL, sha256: entry.sha256)
  }
}

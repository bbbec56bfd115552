import Foundation
import WaymarkModel

/// Remote inputs as `waymark fetch` left them: `waymark.lock` and the files under
/// `.waymark/cache/<sha256>`. A build reads a URL only through here, never from the network,
/// and every read checks the bytes against the SHA-256 the lock records.
public struct RemoteCache: Sendable {
  /// The site root.
  public let root: URL
  /// The lock.
  public let lock: RemoteLock
  /// Bytes fetched in this run and not stored yet, by SHA-256 (`waymark fetch --check` stores nothing).
  public let fetched: [String: [UInt8]]

  /// The largest remote file read or fetched: 8 MiB. A catalog file or an OpenAPI document is a
  /// few hundred kilobytes; anything far larger from an untrusted server is refused.
  public static let maximumByteCount = 8 << 20

  /// A cache over `lock`, with `fetched` bytes served before the cache folder.
  public init(root: URL, lock: RemoteLock = RemoteLock(), fetched: [String: [UInt8]] = [:]) {
    self.root = root.standardizedFileURL
    self.lock = lock
    self.fetched = fetched
  }

  /// The site's lock, or an empty one when there is none; a lock that does not parse is an error.
  public static func load(root: URL) -> (cache: RemoteCache, diagnostics: [Diagnostic]) {
    let file = root.appendingPathComponent(RemoteLock.fileName)
    guard FileManager.default.fileExists(atPath: file.path) else { return (RemoteCache(root: root), []) }
    switch SourceFile.read(RemoteLock.fileName, under: root, maximumByteCount: 16 << 20) {
    case .failure(let diagnostic):
      return (RemoteCache(root: root), [diagnostic])
    case .success(let source):
      switch RemoteLock.parse(source.bytes) {
      case .success(let lock):
        return (RemoteCache(root: root, lock: lock), [])
      case .failure(let problem):
        let location = SourceLocation(path: RemoteLock.fileName, line: problem.line, column: problem.column)
        return (
          RemoteCache(root: root),
          [
            .error(
              .inputLockInvalid, "\(RemoteLock.fileName) \(problem.message); run 'waymark fetch' to rewrite it",
              at: location)
          ]
        )
      }
    }
  }

  /// The cache file holding the bytes whose SHA-256 is `digest`.
  public static func cacheFile(_ digest: String, root: URL) -> URL {
    root.appendingPathComponent(RemoteLock.cacheFolder).appendingPathComponent(digest)
  }

  /// Whether `url` is locked and its bytes are at hand (not yet whether they match).
  public func isAvailable(_ url: String) -> Bool {
    guard let entry = lock.entries[url] else { return false }
    return fetched[entry.sha256] != nil
      || FileManager.default.fileExists(atPath: Self.cacheFile(entry.sha256, root: root).path)
  }

  /// The bytes locked for `url` as a file whose path is the URL, or why they cannot be used.
  public func read(_ url: String) -> Result<SourceFile, Diagnostic> {
    lockedBytes(url, kind: .file, limit: Self.maximumByteCount).map { SourceFile(path: url, bytes: $0) }
  }

  /// `target` resolved against the URL of the file naming it, as Backstage resolves a relative
  /// Location target or placeholder inside a fetched file; nil when it does not make a URL.
  public static func resolve(_ target: String, againstURL base: String) -> String? {
    guard let baseURL = URL(string: base), let resolved = URL(string: target, relativeTo: baseURL)?.absoluteURL,
      resolved.scheme != nil, resolved.host != nil
    else { return nil }
    return resolved.absoluteString
  }

  /// Why a URL is not read, and what to do.
  package static func notFetchedMessage(_ url: String) -> String {
    "'\(url)' is not in \(RemoteLock.fileName) or its cache; run 'waymark fetch' to fetch it"
  }

  static let mismatchMessage =
    "the cached copy does not match the SHA-256 in \(RemoteLock.fileName); run 'waymark fetch' to fetch it again"
}

/// A URL the catalog names but the cache does not hold, with the field naming it.
package struct RemoteRequest: Sendable, Hashable {
  /// The URL, absolute.
  package var url: String
  /// The `spec.target`, placeholder or `techdocs-ref` naming it.
  package var location: SourceLocation
  /// What is wanted: a file, a folder (a docs site) or the files a glob matches.
  package var kind: RemoteLock.Kind

  /// Creates a request.
  package init(url: String, location: SourceLocation, kind: RemoteLock.Kind = .file) {
    self.url = url
    self.location = location
    self.kind = kind
  }
}

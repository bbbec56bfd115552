import Foundation
import WaymarkModel

/// The files of a folder `waymark fetch` stored (a TechDocs site read from an archive), by path
/// relative to the folder, sorted.
public struct RemoteFolder: Sendable {
  /// The files.
  public var files: [(path: String, bytes: [UInt8])]
  /// Where they came from.
  public var origin: RemoteOrigin
}

/// Folders and glob searches: what `waymark fetch` read from repository archives.
extension RemoteCache {
  /// The largest archive downloaded: 128 MiB (a repository's tarball, compressed).
  public static let maximumArchiveByteCount = 128 << 20
  /// The most bytes an archive may unpack to: 1 GiB (read as a stream; only what is kept is held).
  public static let maximumUnpackedByteCount = 1 << 30
  /// The most bytes of files one fetched folder or search may keep: 64 MiB.
  public static let maximumFolderByteCount = 64 << 20
  /// The most files one fetched folder or search may keep.
  public static let maximumFolderFileCount = 10_000

  /// The limits a folder is kept and read back with: each file as large as one fetched file.
  package static let folderLimits = TarReader.Limits(
    maximumEntryBytes: maximumByteCount, maximumKeptBytes: maximumFolderByteCount,
    maximumKeptEntries: maximumFolderFileCount)

  /// The most bytes a stored folder's tar may have: its files plus a header per file and padding.
  static let maximumPackByteCount = maximumFolderByteCount + maximumFolderFileCount * 2048 + 4096

  /// Whether `url` is locked as `kind` and its bytes are at hand (not yet whether they match).
  public func isAvailable(_ url: String, as kind: RemoteLock.Kind) -> Bool {
    lock.entries[url]?.kind == kind && isAvailable(url)
  }

  /// Whether the locked bytes of `entry` are at hand and match its SHA-256.
  public func isIntact(_ entry: RemoteLock.Entry) -> Bool {
    let limit = entry.kind == .folder ? Self.maximumPackByteCount : Self.maximumByteCount
    guard case .success = lockedBytes(entry.url, kind: entry.kind, limit: limit) else { return false }
    return true
  }

  /// The files of the folder locked for `url`, or why they cannot be used.
  public func readFolder(_ url: String) -> Result<RemoteFolder, Diagnostic> {
    let bytes: [UInt8]
    switch lockedBytes(url, kind: .folder, limit: Self.maximumPackByteCount) {
    case .failure(let diagnostic): return .failure(diagnostic)
    case .success(let read): bytes = read
    }
    guard case .success(let reader) = TarReader.read(bytes, limits: Self.folderLimits),
      reader.entries.allSatisfy({ $0.kind == .file || $0.kind == .directory })
    else {
      return .failure(.error(.inputCacheMismatch, Self.mismatchMessage, at: SourceLocation(path: url)))
    }
    let files = reader.entries.indices.compactMap { index in
      reader.data[index].map { (path: reader.entries[index].path, bytes: $0) }
    }
    guard let origin = RemoteOrigin(url: url, lock: lock) else {
      return .failure(.warning(.catalogLocationNotFetched, Self.notFetchedMessage(url), at: SourceLocation(path: url)))
    }
    return .success(RemoteFolder(files: files, origin: origin))
  }

  /// The URLs a glob search locked for `url` found, sorted, each with its own intact entry, or
  /// why they cannot be used.
  public func readSearch(_ url: String) -> Result<[String], Diagnostic> {
    let bytes: [UInt8]
    switch lockedBytes(url, kind: .search, limit: Self.maximumByteCount) {
    case .failure(let diagnostic): return .failure(diagnostic)
    case .success(let read): bytes = read
    }
    guard let listing = Self.parseListing(bytes),
      listing.allSatisfy({ lock.entries[$0.url]?.sha256 == $0.sha256 && lock.entries[$0.url]?.search == url })
    else {
      return .failure(.error(.inputCacheMismatch, Self.mismatchMessage, at: SourceLocation(path: url)))
    }
    return .success(listing.map(\.url))
  }

  /// The text a search stores: `<sha256>  <url>` per match, sorted by URL.
  public static func listing(_ matches: [(url: String, sha256: String)]) -> [UInt8] {
    let sorted = matches.sorted { $0.url.utf8.lexicographicallyPrecedes($1.url.utf8) }
    return Array(sorted.map { "\($0.sha256)  \($0.url)\n" }.joined().utf8)
  }

  /// The matches of a search's text, or nil when it is not one.
  static func parseListing(_ bytes: [UInt8]) -> [(url: String, sha256: String)]? {
    var matches: [(url: String, sha256: String)] = []
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, RemoteLock.isDigest(String(parts[0])), parts[1].hasPrefix(" ") else { return nil }
      matches.append((url: String(parts[1].dropFirst()), sha256: String(parts[0])))
    }
    return matches
  }

  /// The locked bytes of `url`, checked against the lock's SHA-256.
  package func lockedBytes(_ url: String, kind: RemoteLock.Kind, limit: Int) -> Result<[UInt8], Diagnostic> {
    let location = SourceLocation(path: url)
    guard let entry = lock.entries[url], RemoteLock.isDigest(entry.sha256), entry.kind == kind else {
      return .failure(.warning(.catalogLocationNotFetched, Self.notFetchedMessage(url), at: location))
    }
    let bytes: [UInt8]
    if let held = fetched[entry.sha256] {
      bytes = held
    } else {
      let file = Self.cacheFile(entry.sha256, root: root)
      let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
      guard let size else {
        return .failure(.warning(.catalogLocationNotFetched, Self.notFetchedMessage(url), at: location))
      }
      guard size <= limit, let data = FileManager.default.contents(atPath: file.path) else {
        return .failure(.error(.inputCacheMismatch, Self.mismatchMessage, at: location))
      }
      bytes = Array(data)
    }
    guard SourceFile(path: url, bytes: bytes).sha256 == entry.sha256 else {
      return .failure(.error(.inputCacheMismatch, Self.mismatchMessage, at: location))
    }
    return .success(bytes)
  }
}

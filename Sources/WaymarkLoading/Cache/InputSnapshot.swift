import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The site's files as a published build found them, each with its `stat` and the digest of the
/// bytes it read: the next build tells from one `stat` per file whether any input changed since,
/// as git's index does, and reads only a file whose `stat` differs (a touched file is unchanged).
///
/// A `stat` is trusted only when the file last changed over two seconds before the build that
/// recorded it began: a later change in the same clock tick would leave its times as recorded.
public struct InputSnapshot: Sendable, Equatable {
  /// What is recorded of one file.
  public struct Entry: Sendable, Hashable {
    /// The path relative to the site root.
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    /// Modification and change times, in nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    /// The digest of the bytes as the build read them; nil when that is not known (a file
    /// that changed while the build ran), so any other `stat` counts as a change.
    public var digest: MemoKey?
    /// Whether the `stat` alone tells the file is unchanged (see `InputSnapshot`).
    public var isSettled: Bool
    /// Whether the root's walk lists it (the others are inputs read by name).
    public var isWalked: Bool
  }

  /// The files, sorted by path.
  public var entries: [Entry]

  /// What comparing the files with a snapshot found.
  public enum Comparison: Sendable, Equatable {
    /// Every file is as recorded; `refreshed` records the new `stat` of those whose `stat`
    /// changed but bytes did not (nil when none did).
    case unchanged(refreshed: InputSnapshot?)
    /// `path` was added, removed or changed (the first one found).
    case changed(String)
  }

  /// Creates a snapshot of `entries`.
  public init(entries: [Entry]) {
    self.entries = entries
  }

  /// The instant, two seconds before now, before which a file's last change makes its `stat`
  /// trustworthy for a build starting now (nanoseconds since 1970).
  public static func horizon() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return (Int64(now.tv_sec) - 2) * 1_000_000_000 + Int64(now.tv_nsec)
  }

  /// The snapshot of the files `walked` (the root's walk) and `named` (read by name) under
  /// `root`, for a build that began at `horizon`; `digests` are the bytes the build read, by path.
  /// A file the build did not read is hashed here, unless `previous` knows it or it changed
  /// since the build began. Nil when a file can no longer be found: the next build rebuilds.
  public static func take(
    root: URL, walked: [String], named: [String], digests: [String: MemoKey], previous: InputSnapshot?,
    horizon: Int64
  ) -> InputSnapshot? {
    let rootPath = root.standardizedFileURL.path
    let known = Dictionary(previous?.entries.map { ($0.path, $0) } ?? []) { first, _ in first }
    let walkedSet = Set(walked)
    // The walk is sorted; the inputs read by name are nearly all in it.
    let outside = Set(named.filter { !walkedSet.contains($0) })
    let paths =
      outside.isEmpty ? walked : (walked + outside).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var entries: [Entry] = []
    entries.reserveCapacity(paths.count)
    for path in paths {
      guard var entry = Entry(path: path, root: rootPath, horizon: horizon, isWalked: walkedSet.contains(path)) else {
        return nil
      }
      if let digest = digests[path] {
        entry.digest = digest
      } else if let old = known[path], old.isSettled, old.hasSameStat(as: entry), let digest = old.digest {
        entry.digest = digest
      } else if entry.isSettled {
        entry.digest = InputDigestCache.hash(rootPath + "/" + path)
      }
      entries.append(entry)
    }
    return InputSnapshot(entries: entries)
  }

  /// Whether the files under `root` are still those recorded: the walk lists exactly the walked
  /// files, and every file's `stat` is as recorded or its bytes have the recorded digest.
  /// `horizon` settles the refreshed entries (`horizon()` for a build starting now).
  public func compare(root: URL, walked: [String], horizon: Int64 = horizon()) async -> Comparison {
    let recorded = entries.lazy.filter(\.isWalked).map(\.path)
    if let added = zip(walked, recorded).first(where: { $0 != $1 }) { return .changed(added.0) }
    guard walked.count == recorded.count else {
      return .changed(walked.count > recorded.count ? walked[recorded.count] : Array(recorded)[walked.count])
    }
    let rootPath = root.standardizedFileURL.path
    let entries = self.entries
    // Slices in path order, each stopping at its first change: the first change found is the first by path.
    let findings = await Array(entries.indices).concurrentlyInSlices(minimumSlice: 2048) { slice in
      Self.compare(entries, at: slice, root: rootPath, horizon: horizon)
    }
    var refreshed = entries
    var isRefreshed = false
    for finding in findings {
      switch finding {
      case .changed(let path): return .changed(path)
      case .refreshed(let updates):
        for (index, entry) in updates { refreshed[index] = entry }
        isRefreshed = isRefreshed || !updates.isEmpty
      }
    }
    return .unchanged(refreshed: isRefreshed ? InputSnapshot(entries: refreshed) : nil)
  }

  /// What comparing some entries found: the first changed file, or the entries to record anew.
  private enum Finding: Sendable {
    case changed(String)
    case refreshed([(Int, Entry)])
  }

  /// Compares the files of `entries` at `indices` with their entries.
  private static func compare(
    _ entries: [Entry], at indices: ArraySlice<Int>, root: String, horizon: Int64
  ) -> Finding {
    var updates: [(Int, Entry)] = []
    for index in indices {
      let entry = entries[index]
      guard let now = Entry(path: entry.path, root: root, horizon: horizon, isWalked: entry.isWalked) else {
        return .changed(entry.path)
      }
      if entry.isSettled, entry.hasSameStat(as: now) { continue }
      guard let digest = entry.digest, InputDigestCache.hash(root + "/" + entry.path) == digest else {
        return .changed(entry.path)
      }
      var updated = now
      updated.digest = digest
      if updated != entry { updates.append((index, updated)) }
    }
    return .refreshed(updates)
  }
}

extension InputSnapshot.Entry {
  /// The entry of the file at `path` (following a link) as it is now; nil when it is not a
  /// regular file that can be found.
  init?(path: String, root: String, horizon: Int64, isWalked: Bool) {
    var info = stat()
    guard stat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    self.path = path
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int(info.st_size)
    (modified, changed) = InputDigestCache.times(info)
    digest = nil
    isSettled = max(modified, changed) < horizon
    self.isWalked = isWalked
  }

  /// Whether `other` names the same file with the same size and times.
  func hasSameStat(as other: Self) -> Bool {
    path == other.path && device == other.device && inode == other.inode && size == other.size
      && modified == other.modified && changed == other.changed
  }
}

extension InputSnapshot: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(UInt64(entries.count))
    for entry in entries {
      writer.add(entry.path)
      writer.add(entry.device)
      writer.add(entry.inode)
      writer.add(entry.size)
      writer.add(Int(entry.modified))
      writer.add(Int(entry.changed))
      writer.add(entry.digest != nil)
      if let digest = entry.digest { writer.add(digest) }
      writer.add(entry.isSettled)
      writer.add(entry.isWalked)
    }
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    let count = try reader.count(minimumBytes: 8)
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let path = try reader.string()
      let device = try reader.uint()
      let inode = try reader.uint()
      let size = try reader.int()
      let modified = Int64(try reader.int())
      let changed = Int64(try reader.int())
      let digest = try reader.bool() ? try reader.key() : nil
      entries.append(
        Entry(
          path: path, device: device, inode: inode, size: size, modified: modified, changed: changed, digest: digest,
          isSettled: try reader.bool(), isWalked: try reader.bool()))
    }
    self.entries = entries
  }
}

import Crypto
import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SHA-256 of large input files (event exports), read again only when a file's `stat`
/// (device, inode, size, modification and change times) differs from what the build cache
/// recorded, as git's index does; so an unchanged gigabyte of events costs one `stat`.
///
/// A file changed within two seconds before the build started is not recorded (a later change
/// in the same clock tick would leave its times as recorded), so it is hashed again next time.
public struct InputDigestCache: Sendable {
  /// The table's name in the build cache.
  public static let table = "inputs"

  /// What is recorded of one file.
  public struct Entry: Sendable, Hashable, CacheRecordCodable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int64
    public var changed: Int64
    public var digest: MemoKey

    public func write(to writer: inout CacheRecordWriter) {
      writer.add(path)
      writer.add(device)
      writer.add(inode)
      writer.add(size)
      writer.add(Int(modified))
      writer.add(Int(changed))
      writer.add(digest)
    }

    public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
      path = try reader.string()
      device = try reader.uint()
      inode = try reader.uint()
      size = try reader.int()
      modified = Int64(try reader.int())
      changed = Int64(try reader.int())
      digest = try reader.key()
    }

    init(path: String, info: stat, digest: MemoKey) {
      self.path = path
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int(info.st_size)
      (modified, changed) = InputDigestCache.times(info)
      self.digest = digest
    }

    /// The key it is stored under: its path's.
    static func key(_ path: String) -> MemoKey {
      var hasher = MemoHasher("input-path")
      hasher.add(path)
      return hasher.finish()
    }
  }

  /// The site root.
  public let root: URL
  /// What earlier builds recorded.
  public let stored: CacheTable
  /// Files changed after this instant (nanoseconds since 1970) are not recorded.
  public let horizon: Int64

  /// A cache over `stored`, for a build starting now.
  public init(root: URL, stored: CacheTable) {
    self.root = root
    self.stored = stored
    horizon = InputSnapshot.horizon()
  }

  /// The digest of the regular file at `path` (root-relative, never a link), with the entry to
  /// record for it (nil when it changed too recently to be recorded); nil when it cannot be read.
  public func digest(of path: String) -> (digest: MemoKey, entry: Entry?)? {
    let absolute = root.standardizedFileURL.path + "/" + path
    var info = stat()
    guard lstat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    if var reader = stored.reader(for: Entry.key(path)), let entry = try? reader.value(Entry.self),
      entry == Entry(path: path, info: info, digest: entry.digest)
    {
      return (entry.digest, entry)
    }
    guard let digest = Self.hash(absolute) else { return nil }
    let (modified, changed) = Self.times(info)
    return (digest, max(modified, changed) < horizon ? Entry(path: path, info: info, digest: digest) : nil)
  }

  /// The entries to store for `entries` (by key).
  public static func table(_ entries: [Entry]) -> [MemoKey: [UInt8]] {
    var table: [MemoKey: [UInt8]] = [:]
    for entry in entries {
      var writer = CacheRecordWriter()
      writer.add(entry)
      table[Entry.key(entry.path)] = writer.bytes
    }
    return table
  }

  /// The SHA-256 of the file at `path`, read in blocks without following a final link.
  static func hash(_ path: String) -> MemoKey? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var state = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return MemoKey(state.finalize()) }
      buffer.withUnsafeBytes { state.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
  }

  /// A file's modification and change times, in nanoseconds since 1970.
  static func times(_ info: stat) -> (Int64, Int64) {
    #if canImport(Darwin)
      (
        Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec),
        Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
      )
    #else
      (
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
        Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
      )
    #endif
  }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

/// One file of the build cache: its entries, each a key and the bytes stored under it, read
/// lazily (the entries' bytes stay in the file's buffer until one is asked for).
///
/// A file is `CacheTable.magic`, the format version, the Waymark version, the configuration
/// key, the table's name, the count of entries and the SHA-256 of what follows, then each
/// entry's key and bytes. `decode` trusts nothing it has not checked: another format or Waymark
/// version is `foreign`, a checksum or length that does not match is `corrupt`, and another
/// configuration is `stale` (a different site or settings, not a fault).
public struct CacheTable: Sendable {
  /// The first bytes of every cache file.
  public static let magic = Array("WAYMARK-CACHE\n".utf8)
  /// The version of the file format and of every entry's layout; bumped whenever either changes.
  public static let formatVersion: UInt64 = 1

  /// Why a cache file was not used.
  public enum Problem: Error, Sendable, Equatable {
    /// Written by another Waymark version or in another format: the text says which.
    case foreign(String)
    /// Damaged: the text says how.
    case corrupt(String)
    /// Written for another configuration (settings, options or Waymark build).
    case stale
  }

  /// The table's name (`output`, `docs`, …).
  public let name: String
  private let bytes: [UInt8]
  private let index: [MemoKey: Range<Int>]

  /// An empty table.
  public init(name: String) {
    self.name = name
    bytes = []
    index = [:]
  }

  /// The keys held.
  public var keys: Dictionary<MemoKey, Range<Int>>.Keys { index.keys }

  /// How many entries it holds.
  public var count: Int { index.count }

  /// A reader of the entry under `key`, or nil.
  public func reader(for key: MemoKey) -> CacheRecordReader? {
    index[key].map { CacheRecordReader(bytes, range: $0) }
  }

  /// The bytes of the entry under `key`, or nil.
  public func entry(_ key: MemoKey) -> ArraySlice<UInt8>? {
    index[key].map { bytes[$0] }
  }

  /// A table file of `entries` (written sorted by key, so equal tables are equal files).
  public static func encode(
    name: String, configuration: MemoKey, entries: [MemoKey: [UInt8]]
  ) -> [UInt8] {
    var body = CacheRecordWriter()
    for key in entries.keys.sorted() {
      body.add(key)
      body.add(entries[key] ?? [])
    }
    var header = CacheRecordWriter()
    header.add(formatVersion)
    header.add(WaymarkVersion.current)
    header.add(configuration)
    header.add(name)
    header.add(UInt64(entries.count))
    header.add(MemoKey.digest(of: body.bytes))
    return magic + header.bytes + body.bytes
  }

  /// The table in `file`, checked against the format, this Waymark version, `configuration`
  /// and its checksum.
  public static func decode(
    _ file: [UInt8], name expectedName: String, configuration: MemoKey
  ) -> Result<CacheTable, Problem> {
    guard file.count >= magic.count, Array(file[0..<magic.count]) == magic else {
      return .failure(.foreign("not a Waymark cache file"))
    }
    var reader = CacheRecordReader(file, range: magic.count..<file.count)
    do {
      let format = try reader.uint()
      guard format == formatVersion else {
        return .failure(.foreign("cache format \(format), this Waymark reads format \(formatVersion)"))
      }
      let version = try reader.string()
      guard version == WaymarkVersion.current else {
        return .failure(.foreign("written by Waymark \(version), this is Waymark \(WaymarkVersion.current)"))
      }
      guard try reader.key() == configuration else { return .failure(.stale) }
      let name = try reader.string()
      guard name == expectedName else { return .failure(.corrupt("holds the table '\(name)'")) }
      let count = try reader.count(minimumBytes: 33)
      let checksum = try reader.key()
      let bodyStart = reader.offset
      guard MemoKey.digest(of: file[bodyStart...]) == checksum else {
        return .failure(.corrupt("its checksum does not match its contents"))
      }
      var index: [MemoKey: Range<Int>] = [:]
      index.reserveCapacity(count)
      for _ in 0..<count {
        let key = try reader.key()
        index[key] = try reader.span()
      }
      guard reader.isAtEnd else { return .failure(.corrupt("it has bytes after its last entry")) }
      return .success(CacheTable(name: name, bytes: file, index: index))
    } catch {
      return .failure(.corrupt("it ends early or holds a bad length"))
    }
  }

  private init(name: String, bytes: [UInt8], index: [MemoKey: Range<Int>]) {
    self.name = name
    self.bytes = bytes
    self.index = index
  }
}

import Foundation

/// Reads one entry of a `.pack` file: its header, its zlib-compressed data, and its delta base.
struct GitPackReader {
  let url: URL
  let store: GitObjectStore

  /// How many deltas deep an entry may be rebuilt (git's default `--depth` is 50).
  static let maximumDepth = 64
  static let typeNames = [1: "commit", 2: "tree", 3: "blob", 4: "tag"]

  func object(at offset: Int, depth: Int) -> GitObjectStore.Object? {
    guard depth <= Self.maximumDepth, let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
      var header = try? handle.read(upToCount: 64).map(Array.init), !header.isEmpty
    else { return nil }
    var index = 0
    let type = Int(header[0] >> 4) & 0x7
    var size = Int(header[0] & 0x0F)
    var shift = 4
    while header[index] & 0x80 != 0 {
      index += 1
      guard index < header.count, shift < 56 else { return nil }
      size |= Int(header[index] & 0x7F) << shift
      shift += 7
    }
    index += 1
    guard size <= store.limit * 4 else { return nil }
    var base: GitObjectStore.Object?
    switch type {
    case 6:
      guard let (distance, used) = Self.offsetDistance(header, from: index), distance <= offset else { return nil }
      index += used
      base = object(at: offset - distance, depth: depth + 1)
    case 7:
      let width = idWidth
      guard header.count >= index + width else { return nil }
      let id = header[index..<(index + width)].map { String(format: "%02x", $0) }.joined()
      index += width
      base = store.packedObject(id, depth: depth + 1)
    default:
      guard Self.typeNames[type] != nil else { return nil }
    }
    header.removeFirst(index)
    var first: [UInt8]? = header
    guard
      let data = GitInflater.inflate(
        limit: size,
        nextChunk: {
          defer { first = nil }
          return first ?? (try? handle.read(upToCount: 64 << 10)).map(Array.init)
        }), data.count == size
    else { return nil }
    guard type == 6 || type == 7 else { return GitObjectStore.Object(type: Self.typeNames[type]!, content: data) }
    guard let base, let content = GitDelta.apply(data, to: base.content, limit: store.limit) else { return nil }
    return GitObjectStore.Object(type: base.type, content: content)
  }

  /// The object id width of the repository's packs: 32 bytes for SHA-256 repositories, else 20.
  private var idWidth: Int {
    url.deletingLastPathComponent().lastPathComponent == "pack"
      && url.deletingPathExtension().lastPathComponent.count == "pack-".count + 64 ? 32 : 20
  }

  /// An `OFS_DELTA` base distance: big-endian base-128 where each continuation adds one.
  static func offsetDistance(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
    var index = start
    guard index < bytes.count else { return nil }
    var value = Int(bytes[index] & 0x7F)
    while bytes[index] & 0x80 != 0 {
      index += 1
      guard index < bytes.count, value < 1 << 48 else { return nil }
      value = ((value + 1) << 7) | Int(bytes[index] & 0x7F)
    }
    return (value, index - start + 1)
  }
}

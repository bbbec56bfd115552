import Foundation

/// Reads git objects by id from a repository's object folder: loose objects and pack files.
///
/// Pack entries stored as deltas (against an offset or an object id) are rebuilt from their base.
package struct GitObjectStore: Sendable {
  /// A git object: its type name (`commit`, `tree`, `blob`, `tag`) and its content.
  package struct Object: Sendable, Hashable {
    package var type: String
    package var content: [UInt8]
  }

  package let objects: URL
  /// The largest object read, inflated; a commit is a few hundred bytes.
  package var limit = 1 << 20

  package init(commonDirectory: URL) {
    objects = commonDirectory.appendingPathComponent("objects")
  }

  /// The object `id` (lowercase hex), or nil when it is absent or unreadable.
  package func object(_ id: String) -> Object? {
    looseObject(id) ?? packedObject(id, depth: 0)
  }

  private func looseObject(_ id: String) -> Object? {
    guard id.count > 2 else { return nil }
    let url = objects.appendingPathComponent(String(id.prefix(2))).appendingPathComponent(String(id.dropFirst(2)))
    guard let data = GitDirectory.read(url, limit: limit * 2 + 4096),
      let bytes = GitInflater.inflate([UInt8](data), limit: limit + 64),
      let space = bytes.firstIndex(of: UInt8(ascii: " ")), let nul = bytes.firstIndex(of: 0), space < nul
    else { return nil }
    return Object(type: String(decoding: bytes[..<space], as: UTF8.self), content: Array(bytes[(nul + 1)...]))
  }

  func packedObject(_ id: String, depth: Int) -> Object? {
    guard let raw = Self.bytes(ofHex: id) else { return nil }
    let folder = objects.appendingPathComponent("pack")
    let packs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for index in packs.filter({ $0.hasSuffix(".idx") }).sorted() {
      let indexURL = objects.appendingPathComponent("pack").appendingPathComponent(index)
      guard let offset = GitPackIndex(url: indexURL)?.offset(of: raw) else { continue }
      let packURL = indexURL.deletingPathExtension().appendingPathExtension("pack")
      return GitPackReader(url: packURL, store: self).object(at: offset, depth: depth)
    }
    return nil
  }

  /// The bytes a hex string spells, or nil when it is not hex of even length.
  static func bytes(ofHex hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
    var bytes: [UInt8] = []
    for pair in stride(from: 0, to: digits.count, by: 2) {
      guard let high = hexValue(digits[pair]), let low = hexValue(digits[pair + 1]) else { return nil }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  private static func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}

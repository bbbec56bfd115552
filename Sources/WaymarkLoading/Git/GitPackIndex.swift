import Foundation

/// A pack's `.idx` file (version 2): where in the `.pack` each object id's entry starts.
struct GitPackIndex {
  let bytes: Data
  let count: Int

  init?(url: URL) {
    guard let data = try? Data(contentsOf: url, options: .mappedIfSafe), data.count >= 8 + 1024,
      data.prefix(4).elementsEqual([0xFF, 0x74, 0x4F, 0x63]), Self.uint32(data, at: 4) == 2
    else { return nil }
    bytes = data
    count = Int(Self.uint32(data, at: 8 + 255 * 4))
  }

  /// The pack offset of `id` (raw bytes, 20 for SHA-1 or 32 for SHA-256), by binary search.
  func offset(of id: [UInt8]) -> Int? {
    let width = id.count
    let names = 8 + 1024
    let offsets = names + count * width + count * 4
    guard bytes.count >= offsets + count * 4 else { return nil }
    var low = id[0] == 0 ? 0 : Int(Self.uint32(bytes, at: 8 + (Int(id[0]) - 1) * 4))
    var high = Int(Self.uint32(bytes, at: 8 + Int(id[0]) * 4))
    while low < high {
      let middle = (low + high) / 2
      let start = bytes.startIndex + names + middle * width
      let name = bytes[start..<(start + width)]
      if name.elementsEqual(id) { return offset(entry: middle, table: offsets) }
      if name.lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Offsets with the high bit set index the table of 64-bit offsets (packs over 2 GiB).
  private func offset(entry: Int, table: Int) -> Int? {
    let small = Self.uint32(bytes, at: table + entry * 4)
    guard small & 0x8000_0000 != 0 else { return Int(small) }
    let large = table + count * 4 + Int(small & 0x7FFF_FFFF) * 8
    guard bytes.count >= large + 8 else { return nil }
    return Int(Self.uint32(bytes, at: large)) << 32 | Int(Self.uint32(bytes, at: large + 4))
  }

  static func uint32(_ data: Data, at offset: Int) -> UInt32 {
    let start = data.startIndex + offset
    return data[start..<(start + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }
}

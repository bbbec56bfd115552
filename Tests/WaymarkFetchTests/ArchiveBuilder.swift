/// Writes tar archives entry by entry, hostile ones included (absolute paths, `..`, devices,
/// bad checksums), and gzips them (stored deflate blocks, so no compressor is needed).
struct ArchiveBuilder {
  private(set) var bytes: [UInt8] = []

  /// Adds an entry of `type` ('0' file, '2' symbolic link, '3' character device, …).
  mutating func add(
    _ name: String, type: Character = "0", data: [UInt8] = [], link: String = "", checksumDelta: Int = 0
  ) {
    var block = [UInt8](repeating: 0, count: 512)
    func put(_ text: [UInt8], at offset: Int) {
      for (index, byte) in text.enumerated() { block[offset + index] = byte }
    }
    func octal(_ value: Int, width: Int) -> [UInt8] {
      let digits = String(value, radix: 8)
      return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
    }
    put(Array(name.utf8.prefix(100)), at: 0)
    put(octal(0o644, width: 8), at: 100)
    put(octal(0, width: 8), at: 108)
    put(octal(0, width: 8), at: 116)
    put(octal(data.count, width: 12), at: 124)
    put(octal(0, width: 12), at: 136)
    put(Array("        ".utf8), at: 148)
    block[156] = type.asciiValue ?? 0
    put(Array(link.utf8.prefix(100)), at: 157)
    put(Array("ustar\0".utf8), at: 257)
    put(Array("00".utf8), at: 263)
    let sum = block.reduce(0) { $0 + Int($1) } + checksumDelta
    put(octal(sum, width: 7) + [32], at: 148)
    bytes += block + data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
  }

  /// Adds a pax header naming the next entry `path`.
  mutating func addPaxPath(_ path: String) {
    let body = " path=\(path)\n".utf8.count
    var length = body + String(body).count
    if String(length).count != String(body).count { length = body + String(length).count }
    add("././@PaxHeader", type: "x", data: Array("\(length) path=\(path)\n".utf8))
  }

  /// The archive with its end marker.
  var tar: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }

  /// The archive gzipped.
  var gzip: [UInt8] { Self.gzip(tar) }

  /// `data` in a gzip member of stored (uncompressed) deflate blocks.
  static func gzip(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]
    var offset = 0
    repeat {
      let count = min(65_535, data.count - offset)
      let final: UInt8 = offset + count == data.count ? 1 : 0
      out += [final, UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8((~count >> 8) & 0xff)]
      out += data[offset..<(offset + count)]
      offset += count
    } while offset < data.count
    let crc = crc32(data)
    out += [UInt8(crc & 0xff), UInt8((crc >> 8) & 0xff), UInt8((crc >> 16) & 0xff), UInt8(crc >> 24)]
    let size = UInt32(truncatingIfNeeded: data.count)
    out += [UInt8(size & 0xff), UInt8((size >> 8) & 0xff), UInt8((size >> 16) & 0xff), UInt8(size >> 24)]
    return out
  }

  private static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
    }
    return ~crc
  }
}

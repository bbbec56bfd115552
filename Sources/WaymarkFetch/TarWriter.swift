/// Packs files into a tar archive in one canonical form, so the same files always give the same
/// bytes (and SHA-256): sorted by path, regular files only, mode 0644, owner 0, time 0, no user
/// or group names; a path over 100 bytes goes in a pax header. `tar tf` lists it.
package enum TarWriter {
  /// The archive of `files` (relative paths, `/`-separated).
  package static func pack(_ files: [(path: String, bytes: [UInt8])]) -> [UInt8] {
    var archive: [UInt8] = []
    archive.reserveCapacity(files.reduce(1024) { $0 + $1.bytes.count + 1024 })
    for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      let name = Array(file.path.utf8)
      if name.count > 100 {
        let record = paxRecord("path", file.path)
        archive += header(name: Array("././@PaxHeader".utf8), size: record.count, type: UInt8(ascii: "x"))
        archive += padded(record)
      }
      archive += header(name: Array(name.prefix(100)), size: file.bytes.count, type: UInt8(ascii: "0"))
      archive += padded(file.bytes)
    }
    return archive + [UInt8](repeating: 0, count: 1024)
  }

  /// A pax record, `<length> <key>=<value>\n`, whose length counts its own digits.
  private static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
    let body = " \(key)=\(value)\n".utf8.count
    var length = body + String(body).count
    if String(length).count != String(body).count { length = body + String(length).count }
    return Array("\(length) \(key)=\(value)\n".utf8)
  }

  private static func header(name: [UInt8], size: Int, type: UInt8) -> [UInt8] {
    var block = [UInt8](repeating: 0, count: 512)
    func put(_ bytes: [UInt8], at offset: Int) {
      for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
    }
    func octal(_ value: Int, width: Int) -> [UInt8] {
      let digits = String(value, radix: 8)
      return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
    }
    put(name, at: 0)
    put(octal(0o644, width: 8), at: 100)
    put(octal(0, width: 8), at: 108)
    put(octal(0, width: 8), at: 116)
    put(octal(size, width: 12), at: 124)
    put(octal(0, width: 12), at: 136)
    put(Array("        ".utf8), at: 148)
    block[156] = type
    put(Array("ustar\0".utf8), at: 257)
    put(Array("00".utf8), at: 263)
    let sum = block.reduce(0) { $0 + Int($1) }
    put(
      Array((String(repeating: "0", count: 6 - String(sum, radix: 8).count) + String(sum, radix: 8)).utf8) + [0, 32],
      at: 148)
    return block
  }

  private static func padded(_ bytes: [UInt8]) -> [UInt8] {
    bytes + [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
  }
}

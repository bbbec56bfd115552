import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SiteWriter {
  /// Writes `bytes` to a new file at `path` (mode 0644): one open, write and close; false when
  /// the file cannot be created or written, or `path` names a link (never written through).
  ///
  /// Not `FileManager.createFile`, which writes each file to a temporary name, `fsync`s it and
  /// renames it: on the ext4 disk of the bench machine the `fsync` alone cost ≈ 3 ms per file,
  /// most of the time a docs build took. A file needs no atomicity of its own here: the whole
  /// site is written into a staging folder and swapped in by one rename (see `publish`), so a
  /// killed build still leaves the old or the new site, never a mix.
  package static func writeFile(_ bytes: [UInt8], atPath path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { return false }
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let count = write(descriptor, base + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += count
      }
      return true
    }
    return close(descriptor) == 0 && written
  }

  /// The bytes of the regular file at `path`, opened without following a final link; nil when
  /// it is a link, not a regular file, or cannot be read.
  package static func readRegularFile(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes += buffer[0..<count]
    }
  }
}

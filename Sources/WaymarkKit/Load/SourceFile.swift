import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file read from the site root: its relative path, bytes and SHA-256.
public struct SourceFile: Sendable, Hashable {
  /// The path relative to the site root, with `/` separators.
  public var path: String
  /// The file's bytes.
  public var bytes: [UInt8]

  /// Creates a file value.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The lowercase hex SHA-256 of the bytes, recorded in `api/build.json`.
  public var sha256: String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// Reads `path` under `root`, or returns a located diagnostic.
  ///
  /// The bytes are read straight into the array (no intermediate `Data`): policy results and
  /// catalogs can be tens of megabytes, and a second copy doubles the page faults.
  public static func read(_ path: String, under root: URL) -> Result<SourceFile, Diagnostic> {
    let url = root.appendingPathComponent(path)
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT || errno == ENOTDIR {
        return .failure(.error("input.missing", "file does not exist", at: SourceLocation(path: path)))
      }
      return .failure(unreadable(path))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(unreadable(path)) }
    if status.st_mode & S_IFMT == S_IFDIR {
      return .failure(.error("input.unreadable", "expected a file, found a directory", at: SourceLocation(path: path)))
    }
    guard let bytes = readToEnd(descriptor, expectedSize: Int(status.st_size)) else { return .failure(unreadable(path)) }
    return .success(SourceFile(path: path, bytes: bytes))
  }

  private static func unreadable(_ path: String) -> Diagnostic {
    .error("input.unreadable", "file cannot be read (permissions?)", at: SourceLocation(path: path))
  }

  /// Every byte of an open file: `expectedSize` (from `fstat`) in one buffer, then whatever a
  /// file that grew meanwhile (or reports no size) still holds; nil on a read error.
  private static func readToEnd(_ descriptor: Int32, expectedSize: Int) -> [UInt8]? {
    var failed = false
    var reachedEnd = false
    // One byte more than expected, so reaching the end is seen without another buffer.
    var bytes = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 0) + 1) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let got = systemRead(descriptor, base + count, buffer.count - count)
        if got > 0 {
          count += got
        } else if got == 0 {
          reachedEnd = true
          return
        } else if errno != EINTR {
          failed = true
          return
        }
      }
    }
    var chunk = reachedEnd || failed ? [] : [UInt8](repeating: 0, count: 65536)
    while !reachedEnd, !failed {
      let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if got > 0 {
        bytes.append(contentsOf: chunk[0..<got])
      } else if got == 0 {
        reachedEnd = true
      } else if errno != EINTR {
        failed = true
      }
    }
    return failed ? nil : bytes
  }

  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      return Glibc.read(descriptor, buffer, count)
    #else
      return Darwin.read(descriptor, buffer, count)
    #endif
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SourceFile {
  /// The largest file read whole (catalog, policies, config, substitutions, docs, policy
  /// results): 64 MiB. Larger files are `input.too-large` errors and are never read, so one
  /// hostile file cannot exhaust memory or time. Event exports are streamed and have no limit.
  public static let maximumByteCount = 64 << 20

  /// Reads `path` under `root`, or returns a located diagnostic.
  ///
  /// Only regular files inside the root are read: a path whose symbolic links lead outside the
  /// root is `input.outside-root`, a folder, FIFO, socket or device is `input.unreadable` (a FIFO
  /// is opened without blocking and never read), and a file over `maximumByteCount` is
  /// `input.too-large`.
  public static func read(_ path: String, under root: URL, maximumByteCount: Int = maximumByteCount) -> Result<SourceFile, Diagnostic> {
    let location = SourceLocation(path: path)
    let rootPath = root.standardizedFileURL.path
    let absolute = rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path
    switch RootPath.realPath(absolute) {
    case .failure(let error):
      let code = error.code
      if code == ENOENT || code == ENOTDIR {
        return .failure(.error("input.missing", "file does not exist", at: location))
      }
      return .failure(.error("input.unreadable", "file cannot be read (\(String(cString: strerror(code))))", at: location))
    case .success(let real):
      guard RootPath.isInside(real, root: rootPath) else {
        return .failure(
          .error("input.outside-root", "a symbolic link leads outside the site root; it is not read", at: location))
      }
    }
    let descriptor = open(absolute, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(.error("input.unreadable", "file cannot be read (permissions?)", at: location))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(.error("input.unreadable", "file cannot be read (permissions?)", at: location))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.error("input.unreadable", "expected a file, found a directory", at: location))
    default:
      var link = stat()
      let isLink = lstat(absolute, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
      return .failure(
        .error(
          "input.unreadable", "expected a regular file, found \(isLink ? "a link to " : "")\(fileTypeName(info.st_mode)); it is not read",
          at: location))
    }
    let size = Int(info.st_size)
    guard size <= maximumByteCount else {
      return .failure(.error("input.too-large", tooLargeMessage(size, limit: maximumByteCount), at: location))
    }
    guard let bytes = readAll(descriptor, expected: size, limit: maximumByteCount) else {
      return .failure(.error("input.unreadable", "file cannot be read (permissions?)", at: location))
    }
    guard bytes.count <= maximumByteCount else {
      return .failure(.error("input.too-large", tooLargeMessage(bytes.count, limit: maximumByteCount), at: location))
    }
    return .success(SourceFile(path: path, bytes: bytes))
  }

  static func tooLargeMessage(_ size: Int, limit: Int) -> String {
    let limitText = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return "file is \(size) bytes, over the \(limitText) limit for one input file; it is not read"
  }

  /// What a non-regular file is, for diagnostics.
  static func fileTypeName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFLNK: return "a symbolic link"
    default: return "a special file"
    }
  }

  /// Reads to the end of the file, at most `limit + 1` bytes (a file may grow after `fstat`).
  private static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: min(expected, limit) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard bytes.count <= limit else { break }
        bytes += [UInt8](repeating: 0, count: min(max(bytes.count, 4096), limit + 1 - bytes.count))
      }
      let got = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(descriptor, base + count, buffer.count - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if got == 0 { break }
      count += got
    }
    bytes.removeSubrange(count...)
    return bytes
  }
}

/// The C library's `read`, which `SourceFile.read` hides inside the extension.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

import Foundation
import WaymarkModel

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
  /// root is `input.outside-root`, a hidden file (a segment starting with `.`, by name or where
  /// a link leads) is `input.hidden-path`, a folder, FIFO, socket or device is `input.unreadable`
  /// (a FIFO is opened without blocking and never read), and a file over `maximumByteCount` is
  /// `input.too-large`.
  /// `resolvedRoot` is the root with its links resolved (`RootPath.resolved`), for a caller
  /// reading many files under one root; nil resolves it here.
  public static func read(
    _ path: String, under root: URL, maximumByteCount: Int = maximumByteCount, resolvedRoot: String? = nil
  ) -> Result<SourceFile, Diagnostic> {
    let location = SourceLocation(path: path)
    let rootPath = root.standardizedFileURL.path
    let absolute = rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path
    if RootPath.hiddenSegment(in: path) != nil {
      return .failure(.error(.inputHiddenPath, hiddenNameMessage, at: location))
    }
    switch RootPath.realPath(absolute) {
    case .failure(let error):
      let code = error.code
      if code == ENOENT || code == ENOTDIR {
        return .failure(.error(.inputMissing, "file does not exist", at: location))
      }
      return .failure(
        .error(.inputUnreadable, "file cannot be read (\(String(cString: strerror(code))))", at: location))
    case .success(let real):
      let resolvedRoot = resolvedRoot ?? RootPath.resolved(rootPath)
      guard RootPath.isInside(real, resolvedRoot: resolvedRoot) else {
        return .failure(
          .error(.inputOutsideRoot, "a symbolic link leads outside the site root; it is not read", at: location))
      }
      if let relative = RootPath.relative(real: real, resolvedRoot: resolvedRoot),
        RootPath.hiddenSegment(in: relative) != nil
      {
        return .failure(.error(.inputHiddenPath, hiddenLinkMessage(relative), at: location))
      }
    }
    let descriptor = open(absolute, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(.error(.inputUnreadable, "file cannot be read (permissions?)", at: location))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(.error(.inputUnreadable, "file cannot be read (permissions?)", at: location))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.error(.inputUnreadable, "expected a file, found a directory", at: location))
    default:
      var link = stat()
      let isLink = lstat(absolute, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
      return .failure(
        .error(
          .inputUnreadable,
          "expected a regular file, found \(isLink ? "a link to " : "")\(fileTypeName(info.st_mode)); it is not read",
          at: location))
    }
    let size = Int(info.st_size)
    guard size <= maximumByteCount else {
      return .failure(.error(.inputTooLarge, tooLargeMessage(size, limit: maximumByteCount), at: location))
    }
    guard let bytes = readAll(descriptor, expected: size, limit: maximumByteCount) else {
      return .failure(.error(.inputUnreadable, "file cannot be read (permissions?)", at: location))
    }
    guard bytes.count <= maximumByteCount else {
      return .failure(.error(.inputTooLarge, tooLargeMessage(bytes.count, limit: maximumByteCount), at: location))
    }
    return .success(SourceFile(path: path, bytes: bytes))
  }

  /// Why a file with a hidden name is not read.
  package static let hiddenNameMessage = "a hidden file (a name starting with '.') is never read"

  /// Why a link to a hidden file is not read.
  package static func hiddenLinkMessage(_ target: String) -> String {
    "a symbolic link leads to the hidden file '\(target)', which is never read"
  }

  package static func tooLargeMessage(_ size: Int, limit: Int) -> String {
    let limitText = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    return "file is \(size) bytes, over the \(limitText) limit for one input file; it is not read"
  }

  /// What a non-regular file is, for diagnostics.
  package static func fileTypeName(_ mode: mode_t) -> String {
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
  ///
  /// Straight into uninitialised array storage: zero-filling first would write every byte of
  /// every input once more (tens of megabytes of policy results) before `read` overwrites it.
  private static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = min(expected, limit) + 1
    while true {
      var failed = false
      var reachedEnd = false
      let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
        initialized = 0
        guard let base = buffer.baseAddress else { return }
        populate(UnsafeMutableRawPointer(base), byteCount: buffer.count)
        while initialized < buffer.count {
          let got = systemRead(descriptor, base + initialized, buffer.count - initialized)
          if got < 0 {
            if errno == EINTR { continue }
            failed = true
            return
          }
          if got == 0 {
            reachedEnd = true
            return
          }
          initialized += got
        }
      }
      if failed { return nil }
      if bytes.isEmpty { bytes = part } else { bytes += part }
      if reachedEnd || bytes.count > limit { return bytes }
      chunk = min(max(bytes.count, 4096), limit + 1 - bytes.count)
    }
  }
}

/// Asks the kernel to back a large, fresh buffer with memory in one call (`MADV_POPULATE_WRITE`,
/// Linux 5.14+) instead of one page fault per 4 KiB page as `read` fills it: for tens of
/// megabytes of policy results, the faults were a fifth of the ingest's time. Best effort:
/// older kernels and other systems simply fault the pages in as before.
private func populate(_ base: UnsafeMutableRawPointer, byteCount: Int) {
  #if os(Linux)
    let pageSize = 4096
    guard byteCount >= 16 * pageSize else { return }
    let address = UInt(bitPattern: base)
    let first = (address + UInt(pageSize) - 1) & ~UInt(pageSize - 1)
    let last = (address + UInt(byteCount)) & ~UInt(pageSize - 1)
    guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
    let populateWrite: Int32 = 23  // MADV_POPULATE_WRITE, not in every libc's headers
    _ = madvise(start, Int(last - first), populateWrite)
  #endif
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

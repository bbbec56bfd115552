import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the tables of the build cache (`.waymark-cache/` beside the output, or `--cache`):
/// one file per table, `<name>.cache`, each checked (`CacheTable.decode`) before any of it is
/// used. A missing file, or one written for another configuration, is simply empty; a corrupt
/// or foreign one is empty too, with a warning saying why.
public struct BuildCacheReader: Sendable {
  /// The cache folder.
  public let folder: URL
  /// The key of everything every entry depends on (`SiteBuilder`'s configuration key).
  public let configuration: MemoKey

  /// A table that could not be used, and why.
  public struct Warning: Sendable, Hashable {
    /// The table's file.
    public var path: String
    /// What is wrong with it.
    public var reason: String
  }

  /// Creates a reader of `folder`.
  public init(folder: URL, configuration: MemoKey) {
    self.folder = folder
    self.configuration = configuration
  }

  /// The file of the table `name`.
  public func file(_ name: String) -> URL {
    folder.appendingPathComponent(name + ".cache")
  }

  /// The table `name`, written under `configuration` (the reader's by default): empty when the
  /// cache has none, or one it cannot trust (then with a warning).
  public func read(_ name: String, configuration: MemoKey? = nil) -> (table: CacheTable, warning: Warning?) {
    let path = file(name).path
    guard let bytes = Self.readRegularFile(atPath: path) else { return (CacheTable(name: name), nil) }
    switch CacheTable.decode(bytes, name: name, configuration: configuration ?? self.configuration) {
    case .success(let table): return (table, nil)
    case .failure(.stale): return (CacheTable(name: name), nil)
    case .failure(.foreign(let reason)), .failure(.corrupt(let reason)):
      return (CacheTable(name: name), Warning(path: path, reason: reason))
    }
  }

  /// The bytes of the regular file at `path`, never through a final link; nil when there is none.
  static func readRegularFile(atPath path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + offset, size - offset) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      offset += count
    }
    return bytes
  }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the tables of the build cache (see `BuildCacheReader`): each to a temporary file in
/// the cache folder, renamed over the old one, so a table is always whole. A cache that cannot
/// be written costs only speed: the failure is returned as a warning, never thrown.
///
/// The folder is created with a `CACHEDIR.TAG`, so backup tools skip it; a folder that is a
/// link, or a table file that is one, is never written through.
public struct BuildCacheWriter: Sendable {
  /// The cache folder.
  public let folder: URL
  /// The configuration key every table is written under.
  public let configuration: MemoKey

  /// Creates a writer of `folder`.
  public init(folder: URL, configuration: MemoKey) {
    self.folder = folder.standardizedFileURL
    self.configuration = configuration
  }

  /// The tag that marks a cache folder (https://bford.info/cachedir/).
  static let tag =
    "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is Waymark's build cache; it can be deleted.\n"

  /// Writes the table `name` with `entries`, under `configuration` (the writer's by default); a
  /// warning when it could not.
  public func write(_ name: String, entries: [MemoKey: [UInt8]], configuration: MemoKey? = nil) -> String? {
    if let problem = prepareFolder() { return problem }
    let bytes = CacheTable.encode(name: name, configuration: configuration ?? self.configuration, entries: entries)
    let target = folder.appendingPathComponent(name + ".cache").path
    if let type = SiteWriter.fileType(target), type != S_IFREG {
      return "cannot write the build cache: \(target) is not a regular file"
    }
    let temporary = folder.appendingPathComponent(".\(name).cache.\(UUID().uuidString)").path
    guard SiteWriter.writeFile(bytes, atPath: temporary), rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return "cannot write the build cache \(target): \(reason)"
    }
    return nil
  }

  /// Creates the folder and its tag when missing; why it cannot be used, or nil.
  private func prepareFolder() -> String? {
    switch SiteWriter.fileType(folder.path) {
    case nil:
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        return "cannot create the build cache \(folder.path): \(error.localizedDescription)"
      }
    case S_IFDIR: break
    default: return "cannot use the build cache \(folder.path): it is not a folder (links are not followed)"
    }
    let tagPath = folder.appendingPathComponent("CACHEDIR.TAG").path
    if SiteWriter.fileType(tagPath) == nil { _ = SiteWriter.writeFile(Array(Self.tag.utf8), atPath: tagPath) }
    return nil
  }
}

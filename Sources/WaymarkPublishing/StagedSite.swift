import Foundation
import WaymarkLoading
import WaymarkRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A site being published: the staging folder beside the output that files are written to as
/// they are rendered, swapped in whole by `commit` or removed by `discard`.
///
/// So a build holds no more of its output than the pages being rendered, and the output folder
/// is still the previous site until `commit`: a build that fails, or finds an error after
/// rendering (a secret in the output), discards the staging folder and the previous site stays.
/// `write` may be called from several tasks at once with distinct paths: each file is its own
/// `open`, and a folder another task created meanwhile is taken as made (`mkdir`'s `EEXIST`).
public struct StagedSite: Sendable {
  /// The writer whose output this site replaces.
  public let writer: SiteWriter
  /// The staging folder, `.<output>.waymark-new-<uuid>` beside the output.
  public let folder: URL
  /// Where the site this one replaces is kept once it is swapped in, for the next build to start
  /// from: a folder of the build cache on the output's file system. Nil: the replaced site is
  /// removed.
  public var spare: URL?
  /// What the staging folder held when it started as the spare (an earlier site): each of its
  /// files is kept only while it is the very file (inode) the new site wants at its path
  /// (`link`), an earlier file or folder in the way of the new site's is replaced, and
  /// `keepOnly` removes the rest. Nil for a fresh staging folder, where anything in the way is
  /// this site's own and a clash fails.
  public var earlier: EarlierSite?

  /// The files and folders an earlier site left in a staging folder, by relative path.
  public struct EarlierSite: Sendable {
    public var files: Set<String>
    public var folders: Set<String>
  }

  /// Writes `files` into the staging folder; a path outside it, or one that cannot be written,
  /// fails (the caller then discards the site).
  public func write(_ files: [OutputFile]) throws(SiteWriter.Failure) {
    var made = Set<String>()
    for file in files {
      guard let relative = RootPath.normalized(file.path) else {
        throw SiteWriter.Failure(description: "refusing to write outside the output folder: \(file.path)")
      }
      let parts = relative.split(separator: "/")
      var path = folder.path
      var partial = ""
      for part in parts.dropLast() {
        path += "/" + part
        partial += (partial.isEmpty ? "" : "/") + part
        if made.insert(path).inserted { try makeFolder(path, relative: partial) }
      }
      path += "/" + (parts.last ?? "")
      guard writeNewFile(file.bytes, atPath: path, relative: relative) != nil else {
        throw SiteWriter.Failure(description: "cannot write \(path)")
      }
    }
  }

  /// Swaps the complete site in as the output folder (see `SiteWriter`).
  public func commit() throws(SiteWriter.Failure) {
    try writer.commit(folder, spare: spare)
  }

  /// Removes the staging folder (never kept as the spare: it may hold what must not be
  /// published); the output folder is left as it was.
  public func discard() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Creates the folder at `path` (`relative` to the staging folder; its parent exists); one
  /// that exists already is fine when it is a real folder, never a link, and an earlier site's
  /// file there is replaced.
  func makeFolder(_ path: String, relative: String) throws(SiteWriter.Failure) {
    guard mkdir(path, 0o755) != 0 else { return }
    guard errno == EEXIST else { throw SiteWriter.Failure(description: SiteWriter.errnoText("create", path)) }
    switch SiteWriter.fileType(path) {
    case S_IFDIR: return
    case S_IFREG where earlier?.files.contains(relative) == true && unlink(path) == 0 && mkdir(path, 0o755) == 0:
      return
    default: throw SiteWriter.Failure(description: SiteWriter.errnoText("create", path))
    }
  }

  /// Makes room for a file at `path` (`relative`): removes a file there (a later group's file
  /// wins, as it would in memory) or an earlier site's folder; false when a folder of this
  /// site is in the way.
  func clear(_ path: String, relative: String) -> Bool {
    guard SiteWriter.fileType(path) == S_IFDIR else { return unlink(path) == 0 || errno == ENOENT }
    guard earlier?.folders.contains(relative) == true else { return false }
    return (try? FileManager.default.removeItem(atPath: path)) != nil
  }
}

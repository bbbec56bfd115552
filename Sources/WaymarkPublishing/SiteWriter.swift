import Foundation
import WaymarkLoading
import WaymarkModel
import WaymarkRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Publishes a built site: writes it beside the output folder, then swaps it in.
///
/// The new site is written to `.<output>.waymark-new-*` in the same parent folder (same file
/// system), then exchanged with the current output in one atomic step (`DirectoryExchange`:
/// Linux `renameat2(RENAME_EXCHANGE)`), so the output folder is at every instant the complete
/// previous site or the complete new one; the staging name, now holding the previous site, is
/// removed. Without an output yet, one `rename` puts the new site in place. Where the file
/// system cannot exchange, the output is moved to `.<output>.waymark-old` and the new one
/// renamed in (a moment without output, restored by `recover()`). Leftovers of a killed run
/// are cleaned by the next run's `recover()`. A build streams its files into the staging folder
/// as they are rendered (`stage`, then `StagedSite.write` and `commit`); `publish` does it all
/// for files already in memory.
public struct SiteWriter: Sendable {
  /// The output folder.
  public let output: URL

  /// Creates a writer for `output`.
  public init(output: URL) {
    self.output = output.standardizedFileURL
  }

  /// Why publishing failed: the environment, not the content.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates a failure.
    public init(description: String) {
      self.description = description
    }
  }

  private var parent: URL { output.deletingLastPathComponent() }
  private var stagingPrefix: String { ".\(output.lastPathComponent).waymark-new-" }
  private var oldFolder: URL { parent.appendingPathComponent(".\(output.lastPathComponent).waymark-old") }

  /// Cleans what an interrupted earlier run left behind.
  public func recover() {
    let manager = FileManager.default
    // Only a real folder is moved back: a committed link at the old name must not become the output.
    if Self.fileType(output.path) == nil, Self.fileType(oldFolder.path) == S_IFDIR {
      try? manager.moveItem(at: oldFolder, to: output)
    }
    try? manager.removeItem(at: oldFolder)
    for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(stagingPrefix) {
      try? manager.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// Writes `files` and swaps them in as the new output folder (`stage`, `write`, `commit`).
  ///
  /// Files the output folder holds that Waymark never writes (`.gitkeep`, `.nojekyll`) are kept:
  /// regular dot-files at its top level are carried over to the new site; links and folders are
  /// not (a link would publish its target). An output folder that is a link is refused:
  /// nothing is ever written or copied through one.
  public func publish(_ files: [OutputFile]) throws(Failure) {
    let staged = try stage()
    do {
      try staged.write(files)
    } catch {
      staged.discard()
      throw error
    }
    try staged.commit()
  }

  /// Starts a new site: cleans what an interrupted run left, refuses an output folder that is a
  /// link or a file, and creates the empty staging folder the site is written into as it renders.
  ///
  /// With `spare` (a folder on the output's file system, see `StagedSite.spare`), a site an
  /// earlier build left there becomes the staging folder instead, and the site this one replaces
  /// is kept there for the next.
  public func stage(spare: URL? = nil) throws(Failure) -> StagedSite {
    let manager = FileManager.default
    recover()
    if let type = Self.fileType(output.path), type != S_IFDIR {
      throw Failure(
        description: type == S_IFLNK
          ? "refusing to publish through the symbolic link \(output.path)"
          : "\(output.path) exists and is not a folder")
    }
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create \(parent.path): \(error.localizedDescription)")
    }
    let staging = parent.appendingPathComponent(stagingPrefix + UUID().uuidString)
    if let spare, Self.fileType(spare.path) == S_IFDIR, rename(spare.path, staging.path) == 0 {
      return StagedSite(
        writer: self, folder: staging, spare: spare, earlier: StagedSite.listing(of: staging.path))
    }
    guard mkdir(staging.path, 0o755) == 0 else { throw Failure(description: Self.errnoText("create", staging.path)) }
    return StagedSite(writer: self, folder: staging, spare: spare, earlier: nil)
  }

  /// Where a build cache in `cacheFolder` keeps the site a publish replaces (`StagedSite.spare`):
  /// a folder there named after the output, when the cache is a real folder on the output's file
  /// system (so the site can be moved there and back by renaming); nil otherwise.
  public func spareFolder(in cacheFolder: URL) -> URL? {
    let folder = cacheFolder.standardizedFileURL
    var cacheInfo = stat()
    var parentInfo = stat()
    guard lstat(folder.path, &cacheInfo) == 0, cacheInfo.st_mode & S_IFMT == S_IFDIR,
      stat(parent.path, &parentInfo) == 0, cacheInfo.st_dev == parentInfo.st_dev
    else { return nil }
    return folder.appendingPathComponent(
      "site-" + String(MemoKey.digest(of: Array(output.path.utf8)).description.prefix(16)))
  }

  /// Completes `staged`: carries the previous output's dot-files over and swaps the site in; on
  /// failure the staging folder is removed and the previous output stays. The site replaced is
  /// kept at `spare` when given, else removed.
  func commit(_ staging: URL, spare: URL? = nil) throws(Failure) {
    do {
      try carryOverDotFiles(into: staging)
      try swapIn(staging, spare: spare)
    } catch let failure as Failure {
      try? FileManager.default.removeItem(at: staging)
      throw failure
    } catch {
      try? FileManager.default.removeItem(at: staging)
      recover()
      throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
    }
  }

  /// Copies the previous output's top-level dot-files into `staging`: regular files only, read
  /// without following a link (`O_NOFOLLOW`), so no link and no link's target is ever published.
  private func carryOverDotFiles(into staging: URL) throws(Failure) {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasPrefix(".") {
      let source = output.appendingPathComponent(name).path
      let target = staging.appendingPathComponent(name).path
      guard Self.fileType(source) == S_IFREG, Self.fileType(target) == nil else { continue }
      guard let bytes = Self.readRegularFile(atPath: source), Self.writeFile(bytes, atPath: target) else {
        throw Failure(description: "cannot carry \(source) over to the new site")
      }
    }
  }

  /// The type bits of what `path` names itself (`S_IFREG`, `S_IFLNK`, …), or nil when nothing is there.
  package static func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// Puts the complete site in `staging` at the output's name, atomically; the site it replaces
  /// is moved to `spare` (when given and free) or removed.
  private func swapIn(_ staging: URL, spare: URL?) throws {
    let manager = FileManager.default
    var info = stat()
    guard lstat(output.path, &info) == 0 else {
      // No output yet: a rename onto a missing name is atomic.
      guard rename(staging.path, output.path) == 0 else {
        throw Failure(description: Self.errnoText("rename", output.path))
      }
      return
    }
    switch DirectoryExchange.exchange(staging.path, output.path) {
    case .success:
      if let spare, Self.fileType(spare.path) == nil, rename(staging.path, spare.path) == 0 { return }
      try? manager.removeItem(at: staging)
    case .failure(.unsupported):
      try manager.moveItem(at: output, to: oldFolder)
      try manager.moveItem(at: staging, to: output)
      try? manager.removeItem(at: oldFolder)
    case .failure(.failed(let code)):
      errno = code
      throw Failure(description: Self.errnoText("exchange", output.path))
    }
  }

  static func errnoText(_ operation: String, _ path: String) -> String {
    "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
  }
}

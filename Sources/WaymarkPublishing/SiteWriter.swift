import Foundation
import WaymarkLoading
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
/// are cleaned by the next run's `recover()`.
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
  }

  private var parent: URL { output.deletingLastPathComponent() }
  private var stagingPrefix: String { ".\(output.lastPathComponent).waymark-new-" }
  private var oldFolder: URL { parent.appendingPathComponent(".\(output.lastPathComponent).waymark-old") }

  /// Cleans what an interrupted earlier run left behind.
  public func recover() {
    let manager = FileManager.default
    if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: oldFolder.path) {
      try? manager.moveItem(at: oldFolder, to: output)
    }
    try? manager.removeItem(at: oldFolder)
    for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(stagingPrefix) {
      try? manager.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// Writes `files` and swaps them in as the new output folder.
  ///
  /// Files the output folder holds that Waymark never writes (`.gitkeep`, a `CNAME`) are kept:
  /// dot-files at its top level are carried over to the new site.
  public func publish(_ files: [OutputFile]) throws(Failure) {
    let manager = FileManager.default
    recover()
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "cannot create \(parent.path): \(error.localizedDescription)")
    }
    let staging = parent.appendingPathComponent(stagingPrefix + UUID().uuidString)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      var created = Set<String>()
      for file in files {
        guard let relative = RootPath.normalized(file.path) else {
          throw Failure(description: "refusing to write outside the output folder: \(file.path)")
        }
        let url = staging.appendingPathComponent(relative)
        let folder = url.deletingLastPathComponent().path
        if created.insert(folder).inserted {
          try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard Self.writeFile(file.bytes, atPath: url.path) else {
          throw Failure(description: "cannot write \(url.path)")
        }
      }
      for name in (try? manager.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasPrefix(".") {
        let target = staging.appendingPathComponent(name)
        if !manager.fileExists(atPath: target.path) {
          try manager.copyItem(at: output.appendingPathComponent(name), to: target)
        }
      }
      try swapIn(staging)
    } catch let failure as Failure {
      try? manager.removeItem(at: staging)
      throw failure
    } catch {
      try? manager.removeItem(at: staging)
      recover()
      throw Failure(description: "cannot write the site to \(output.path): \(error.localizedDescription)")
    }
  }

  /// Puts the complete site in `staging` at the output's name, atomically.
  private func swapIn(_ staging: URL) throws {
    let manager = FileManager.default
    var info = stat()
    guard lstat(output.path, &info) == 0 else {
      // No output yet: a rename onto a missing name is atomic.
      guard rename(staging.path, output.path) == 0 else { throw Failure(description: Self.errnoText("rename", output.path)) }
      return
    }
    switch DirectoryExchange.exchange(staging.path, output.path) {
    case .success:
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

  private static func errnoText(_ operation: String, _ path: String) -> String {
    "cannot \(operation) \(path): \(String(cString: strerror(errno)))"
  }
}

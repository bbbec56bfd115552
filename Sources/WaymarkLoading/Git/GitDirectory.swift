import Foundation

/// The git metadata folders of the work tree holding a site root, found without running git.
///
/// `gitDirectory` holds `HEAD` (for a linked worktree, its own folder under the main repository's
/// `.git/worktrees/`); `commonDirectory` holds the refs and objects shared by every worktree.
package struct GitDirectory: Sendable, Hashable {
  package let gitDirectory: URL
  package let commonDirectory: URL

  /// The largest metadata file read (`HEAD`, a ref, `gitdir`, `commondir`): a few lines at most.
  static let smallFileLimit = 4096

  /// The repository whose work tree holds `root` (the root itself or a folder above it), if any.
  package static func enclosing(_ root: URL) -> GitDirectory? {
    var folder = root.standardizedFileURL
    while true {
      if let found = at(folder.appendingPathComponent(".git")) { return found }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// The repository described by a `.git` entry: a folder, or a `gitdir: PATH` file (worktrees, submodules).
  static func at(_ dotGit: URL) -> GitDirectory? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else { return nil }
    var gitDirectory = dotGit
    if !isFolder.boolValue {
      guard let line = readLine(dotGit), line.hasPrefix("gitdir:") else { return nil }
      let target = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
      gitDirectory = resolve(target, against: dotGit.deletingLastPathComponent())
    }
    guard FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("HEAD").path) else { return nil }
    var common = gitDirectory
    if let relative = readLine(gitDirectory.appendingPathComponent("commondir")) {
      common = resolve(relative, against: gitDirectory)
    }
    return GitDirectory(gitDirectory: gitDirectory, commonDirectory: common)
  }

  private static func resolve(_ path: String, against folder: URL) -> URL {
    (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
  }

  /// The first line of a small file, trimmed; nil when it is missing, empty or too large.
  static func readLine(_ url: URL) -> String? {
    guard let data = read(url, limit: smallFileLimit), let text = String(data: data, encoding: .utf8) else {
      return nil
    }
    let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
    return line?.isEmpty == false ? line : nil
  }

  /// The bytes of a regular file no larger than `limit`.
  static func read(_ url: URL, limit: Int) -> Data? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? Int, size <= limit
    else { return nil }
    return try? Data(contentsOf: url)
  }
}

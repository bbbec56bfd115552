import Foundation

/// Which changes under the site root can change a build: every path but hidden ones (which no
/// input reads: `.git`, `.waymark`, editors' swap files, the staging folders beside the output)
/// and the folders the build writes (the output, the preview folder).
public struct WatchScope: Sendable, Equatable {
  /// The site root (absolute, standardized).
  public let root: String
  /// Root-relative folders whose changes never matter: what the builds write.
  public let ignoredFolders: [String]

  /// The scope of `root`, ignoring `written` folders (absolute; those outside the root are moot).
  public init(root: URL, ignoring written: [URL]) {
    let standardized = root.standardizedFileURL.path
    let rootPath =
      standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    let prefix = rootPath == "/" ? "/" : rootPath + "/"
    self.root = rootPath
    ignoredFolders = written.map { $0.standardizedFileURL.path }.compactMap { path in
      path == rootPath ? "" : path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }.sorted()
  }

  /// Whether a change to the root-relative `path` matters (`""`, the root itself, always does,
  /// unless the root is the output).
  public func matters(_ path: String) -> Bool {
    if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
    return !ignoredFolders.contains { folder in
      folder.isEmpty || path == folder || path.hasPrefix(folder + "/")
    }
  }

  /// The absolute path of the root-relative `path`.
  func absolute(_ path: String) -> String {
    path.isEmpty ? root : root == "/" ? "/" + path : root + "/" + path
  }
}

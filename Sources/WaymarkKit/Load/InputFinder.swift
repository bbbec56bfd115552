import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the site's files once and matches them against the input globs.
///
/// The walk never enters hidden folders (`.git`, `.bench`), SwiftPM's `.build*` folders, the
/// output folder or `node_modules`, and does not follow symbolic links to folders, so globs
/// cannot reach outside the root.
public struct InputFinder: Sendable {
  /// The site root.
  public let root: URL
  /// Root-relative folders never entered (the output folder).
  public let excludedFolders: Set<String>

  /// Creates a finder.
  public init(root: URL, excludedFolders: Set<String>) {
    self.root = root.standardizedFileURL
    self.excludedFolders = excludedFolders
  }

  /// Every regular file under the root, as sorted relative paths.
  public func allFiles() -> [String] {
    var files: [String] = []
    walk(relative: "", into: &files)
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The files matching any of `globs`, sorted, each listed once.
  public func files(matching globs: [String], in all: [String]) -> [String] {
    let patterns = globs.map(GlobPattern.init)
    return all.filter { path in patterns.contains { $0.matches(path) } }
  }

  // Paths are built as strings and typed with one `lstat` each: `URL.appendingPathComponent`
  // stats the file to guess a directory hint, and `attributesOfItem` also looks up the owner's
  // and group's names, which made the walk of a 20,000-file site take seconds.
  private func walk(relative: String, into files: inout [String]) {
    let folder = relative.isEmpty ? root.path : absolute(relative)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names.sorted() {
      if name.hasPrefix(".") || name == "node_modules" { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      if excludedFolders.contains(path) { continue }
      let child = absolute(path)
      var info = stat()
      guard lstat(child, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: walk(relative: path, into: &files)
      case S_IFREG: files.append(path)
      case S_IFLNK:
        // A link to a file inside the root is an input; links to folders are not followed.
        let target = URL(fileURLWithPath: child).resolvingSymlinksInPath().standardizedFileURL
        var isDirectory: ObjCBool = false
        if target.path.hasPrefix(root.path + "/"),
          FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue
        {
          files.append(path)
        }
      default: continue
      }
    }
  }

  /// The absolute path of a root-relative one.
  private func absolute(_ relative: String) -> String {
    root.path.hasSuffix("/") ? root.path + relative : root.path + "/" + relative
  }
}

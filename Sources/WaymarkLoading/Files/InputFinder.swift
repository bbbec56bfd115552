import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the site's files once and matches them against the input globs.
///
/// The walk never enters hidden folders (`.git`, `.bench`), SwiftPM's `.build*` folders, the
/// output folder or `node_modules`, and does not follow symbolic links to folders, so globs
/// cannot reach outside the root. Links out of the root, dangling links, FIFOs, sockets and
/// devices are never files; the walk lists them so the inputs they would have been are reported.
public struct InputFinder: Sendable {
  /// The site root.
  public let root: URL
  /// Root-relative folders never entered (the output folder).
  public let excludedFolders: Set<String>
  /// The root's path, as walked.
  private let rootPath: String

  /// Creates a finder.
  public init(root: URL, excludedFolders: Set<String>) {
    self.root = root.standardizedFileURL
    self.excludedFolders = excludedFolders
    self.rootPath = root.standardizedFileURL.path
  }

  /// Every regular file under the root, as sorted relative paths.
  public func allFiles() -> [String] {
    walk().files
  }

  /// One walk of the root: its regular files and the entries it did not take as files.
  public func walk() -> InputWalk {
    var found = InputWalk()
    walk(relative: "", into: &found)
    found.files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    found.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return found
  }

  /// The files matching any of `globs`, sorted, each listed once.
  public func files(matching globs: [String], in all: [String]) -> [String] {
    // A path outside a pattern's literal folders (`content/catalog/` of `content/catalog/**/*.yaml`),
    // or whose name is not the pattern's literal name (`catalog-info.yaml` of `**/catalog-info.yaml`),
    // cannot match it: most paths are ruled out by a byte comparison, not the matcher.
    let patterns = globs.map { glob in
      let pattern = GlobPattern(glob)
      return (pattern, prefix: pattern.literalPrefix.map { $0 + "/" }.joined(), name: pattern.literalName)
    }
    return all.filter { path in
      patterns.contains { pattern in
        guard path.utf8.starts(with: pattern.prefix.utf8) else { return false }
        if let name = pattern.name,
          !(path.utf8.elementsEqual(name.utf8) || path.utf8.reversed().starts(with: ("/" + name).utf8.reversed()))
        {
          return false
        }
        return pattern.0.matches(path)
      }
    }
  }

  // Paths are built as strings and typed by the folder listing itself (`readdir`'s `d_type`),
  // with an `lstat` only for what it does not settle (links, special files, file systems that
  // do not say): one system call fewer per entry, 65,000 of them at the large bench preset
  // (`URL.appendingPathComponent` would stat each to guess a directory hint). The order of a
  // listing does not matter: `walk()` sorts what it found.
  private func walk(relative: String, into found: inout InputWalk) {
    let folder = relative.isEmpty ? rootPath : absolute(relative)
    guard let entries = Self.entries(of: folder) else { return }
    for (name, type) in entries {
      if name.hasPrefix(".") || name == "node_modules" { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      if excludedFolders.contains(path) { continue }
      if type == UInt8(DT_DIR) {
        walk(relative: path, into: &found)
        continue
      }
      if type == UInt8(DT_REG) {
        found.files.append(path)
        continue
      }
      let child = absolute(path)
      var info = stat()
      guard lstat(child, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: walk(relative: path, into: &found)
      case S_IFREG: found.files.append(path)
      case S_IFLNK:
        // A link to a regular file inside the root is an input; links to folders are not followed.
        var target = stat()
        guard stat(child, &target) == 0 else {
          found.skipped.append(
            errno == ELOOP
              ? .init(path: path, code: .inputUnreadable, reason: "a loop of symbolic links; it is not read")
              : .init(path: path, code: .inputMissing, reason: "a symbolic link to a file that does not exist"))
          continue
        }
        let type = target.st_mode & S_IFMT
        if type == S_IFDIR { continue }
        guard case .success(let real) = RootPath.realPath(child), RootPath.isInside(real, root: rootPath) else {
          found.skipped.append(
            .init(
              path: path, code: .inputOutsideRoot, reason: "a symbolic link leads outside the site root; it is not read"
            ))
          continue
        }
        if type == S_IFREG {
          found.files.append(path)
        } else {
          found.skipped.append(
            .init(
              path: path, code: .inputUnreadable,
              reason:
                "expected a regular file, found a link to \(SourceFile.fileTypeName(target.st_mode)); it is not read"))
        }
      default:
        found.skipped.append(
          .init(
            path: path, code: .inputUnreadable,
            reason: "expected a regular file, found \(SourceFile.fileTypeName(info.st_mode)); it is not read"))
      }
    }
  }

  /// The names in `folder` (not `.` and `..`) with their `d_type`; nil when it cannot be read.
  private static func entries(of folder: String) -> [(name: String, type: UInt8)]? {
    guard let listing = opendir(folder) else { return nil }
    defer { closedir(listing) }
    var entries: [(name: String, type: UInt8)] = []
    while let entry = readdir(listing) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      entries.append((name, entry.pointee.d_type))
    }
    return entries
  }

  /// The absolute path of a root-relative one.
  private func absolute(_ relative: String) -> String {
    rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative
  }
}

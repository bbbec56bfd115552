import Foundation
import WaymarkModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FolderPlacement {
  /// What the inputs are read from, for the output folder: the input globs' folders, the
  /// layouts, the policies, `.git`, `waymark.yaml` and the docs folders.
  package var guardedFromOutput: [Guarded] {
    globFolders + [
      Guarded(path: config.layoutsDirectory, description: "the layouts folder '\(config.layoutsDirectory)'"),
      Guarded(path: config.policiesDirectory, description: "the policies folder '\(config.policiesDirectory)'"),
      Guarded(path: ".git", description: "the repository's '.git' folder"),
      Guarded(path: SiteConfigLoader.fileName, description: SiteConfigLoader.fileName, coversInside: false),
    ] + docs
  }

  /// The problems with writing the site to `output` (absolute, standardized): it is reached
  /// through a symbolic link inside the root, or it is, holds or lies inside something read.
  package func outputProblems(_ output: URL) -> [Problem] {
    let path = output.path.count > 1 && output.path.hasSuffix("/") ? String(output.path.dropLast()) : output.path
    let rootPath = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
    if Self.contains(path, rootPath) {
      return [Problem(code: .outputOverlapsInput, message: "the output folder '\(path)' contains the site root")]
    }
    if let link = Self.linkedComponent(of: path, below: rootPath) ?? (Self.isLink(path) ? path : nil) {
      let how = link == path ? "is a symbolic link" : "is reached through the symbolic link '\(display(link))'"
      return [
        Problem(
          code: .outputSymbolicLink,
          message: "the output folder '\(display(path))' \(how); the site is never written or copied through a link",
          fallbackLocation: SourceLocation(path: display(link)))
      ]
    }
    guard let relative = relativePath(of: path) else { return [] }
    let overlaps = guardedFromOutput.lazy.compactMap { Self.overlap(of: relative, with: $0) }
    guard let overlap = overlaps.first else { return [] }
    return [
      Problem(
        code: .outputOverlapsInput,
        message: "the output folder '\(relative.isEmpty ? "." : relative)' \(overlap.relation) "
          + "\(overlap.guarded.description); "
          + "it is replaced on every build, so it must hold no input",
        fallbackLocation: overlap.guarded.location)
    ]
  }

  /// Whether the folder `path` holds `rootPath`, by name or where their links lead.
  package static func contains(_ path: String, _ rootPath: String) -> Bool {
    func holds(_ folder: String, _ root: String) -> Bool {
      folder == "/" || root == folder || root.hasPrefix(folder + "/")
    }
    if holds(path, rootPath) { return true }
    guard let real = resolvedPath(path), case .success(let realRoot) = RootPath.realPath(rootPath) else { return false }
    return holds(real, realRoot)
  }

  /// The first folder from the root down to `path` (inclusive) that is a symbolic link, when
  /// `path` is below `rootPath` by name; nil when none is or `path` is elsewhere.
  package static func linkedComponent(of path: String, below rootPath: String) -> String? {
    guard path.hasPrefix(rootPath + "/") else { return nil }
    var current = rootPath
    for component in path.dropFirst(rootPath.count + 1).split(separator: "/") {
      current += "/" + component
      var info = stat()
      guard lstat(current, &info) == 0 else { return nil }
      if info.st_mode & S_IFMT == S_IFLNK { return current }
    }
    return nil
  }

  /// Whether `path` itself is a symbolic link.
  package static func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  /// `path` relative to the root when inside it by name, else as given.
  private func display(_ path: String) -> String {
    relativePath(of: path).flatMap { $0.isEmpty ? nil : $0 } ?? path
  }
}

import Foundation
import WaymarkModel

/// Checks the folders Waymark writes (the output) and trusts (the layouts) against the ones it
/// reads, so a line of `waymark.yaml` or a committed link cannot turn one into the other.
///
/// The output folder is deleted and replaced on every build: if it were `content/`, `.git` or
/// the layouts, one line of config would destroy them. The layouts folder is trusted like CI
/// configuration (its templates may hold script): if contributors' docs or catalog files lived
/// there, their script would run on every page. Paths are root-relative; `""` is the root.
package struct FolderPlacement: Sendable {
  /// Something the inputs are read from, as a message names it.
  package struct Guarded: Sendable {
    /// The root-relative folder or file.
    package var path: String
    /// How a message names it: `'content/catalog', which inputs.catalog reads (…)`.
    package var description: String
    /// Where it is declared, when that is a better place to report than `waymark.yaml`.
    package var location: SourceLocation?
    /// Whether a folder inside it also overlaps (false for a file such as `waymark.yaml`).
    package var coversInside = true
  }

  /// One overlap found: what the checked folder is to a guarded one (`is`, `contains`, `is inside`).
  package struct Overlap: Sendable {
    package var relation: String
    package var guarded: Guarded
  }

  /// Why a folder is refused, as a code and a message, and where to report it when
  /// `waymark.yaml` does not name the folder.
  package struct Problem: Sendable, Equatable {
    package var code: DiagnosticCode
    package var message: String
    package var fallbackLocation: SourceLocation?
  }

  /// The site root, standardized.
  package let root: URL
  /// The config giving the input globs and folders.
  package let config: SiteConfig
  /// Docs folders found through the catalog (techdocs-ref folders and their docs_dir).
  package var docs: [Guarded] = []

  /// The folders each input glob reads: the fixed folders before the first wildcard (none for
  /// a glob starting with one, which reads the whole root and is refused nothing by this).
  package var globFolders: [Guarded] {
    let inputs =
      [("inputs.catalog", config.catalogGlobs), ("inputs.events", config.eventGlobs)]
      + [("inputs.policyResults", config.policyResultGlobs)]
    return inputs.flatMap { key, globs in
      globs.compactMap { glob -> Guarded? in
        let folder = Self.fixedFolder(of: glob)
        return folder.isEmpty ? nil : Guarded(path: folder, description: "'\(folder)', which \(key) reads ('\(glob)')")
      }
    }
  }

  /// The fixed folder of `glob`: `content/catalog` for `content/catalog/**/*.yaml`, `a` for `a/b.yaml`.
  package static func fixedFolder(of glob: String) -> String {
    let segments = glob.split(separator: "/").filter { $0 != "." }
    let fixed = segments.prefix { !$0.contains("*") && !$0.contains("?") && !$0.contains("[") }
    return (fixed.count == segments.count ? fixed.dropLast() : fixed[...]).joined(separator: "/")
  }

  /// What `folder` is to `guarded`, or nil when they are apart.
  package static func overlap(of folder: String, with guarded: Guarded) -> Overlap? {
    if folder == guarded.path { return Overlap(relation: "is", guarded: guarded) }
    if folder.isEmpty || guarded.path.hasPrefix(folder + "/") { return Overlap(relation: "contains", guarded: guarded) }
    if guarded.coversInside, guarded.path.isEmpty || folder.hasPrefix(guarded.path + "/") {
      return Overlap(relation: "is inside", guarded: guarded)
    }
    return nil
  }

  /// The docs folders of `sources` (techdocs-ref folders) and `sites` (their docs_dir), guarded;
  /// fetched sites are not on disk and are left out.
  package static func docsFolders(sources: [DocsSource], sites: [DocsSite]) -> [Guarded] {
    var guarded: [Guarded] = []
    for source in sources where !source.folder.isEmpty && source.remoteURL == nil {
      guarded.append(
        Guarded(
          path: source.folder, description: "the docs folder '\(source.folder)' of \(source.entity.canonical)",
          location: source.location))
    }
    // The first source of each entity, looked up once per site (not searched: thousands of sites).
    var locations: [EntityRef: SourceLocation] = [:]
    for source in sources where locations[source.entity] == nil { locations[source.entity] = source.location }
    for site in sites where !site.docsFolder.isEmpty && site.origin == nil {
      let location = locations[site.entity]
      guarded.append(
        Guarded(
          path: site.docsFolder, description: "the docs folder '\(site.docsFolder)' of \(site.entity.canonical)",
          location: location))
    }
    return guarded
  }

  /// The root-relative path of the absolute `path`, by name, else by where its links lead; nil
  /// when it is outside the root both ways.
  package func relativePath(of path: String) -> String? {
    let rootPath = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
    if path == rootPath { return "" }
    if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
    guard let real = Self.resolvedPath(path) else { return nil }
    return RootPath.relative(real: real, root: rootPath)
  }

  /// `path` with the links of its deepest existing ancestor resolved (the rest does not exist yet).
  package static func resolvedPath(_ path: String) -> String? {
    var existing = URL(fileURLWithPath: path)
    var missing: [String] = []
    while true {
      if case .success(let real) = RootPath.realPath(existing.path) {
        guard !missing.isEmpty else { return real }
        return (real == "/" ? "" : real) + "/" + missing.reversed().joined(separator: "/")
      }
      guard existing.pathComponents.count > 1 else { return nil }
      missing.append(existing.lastPathComponent)
      existing.deleteLastPathComponent()
    }
  }
}

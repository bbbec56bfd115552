import Foundation
import StructuredData
import WaymarkModel

/// mkdocs-monorepo-plugin: `nav:` entries `!include ./path/mkdocs.yml` merge another site (inside the
/// folder the techdocs-ref names) into this one. The included site's pages and files appear under
/// its `site_name`, as the plugin publishes them, and its navigation becomes a section.
extension DocsLoader {
  /// What the includes of one config add.
  struct MergedIncludes {
    var pages: [(path: String, file: SourceFile)] = []
    var assets: [(path: String, file: SourceFile)] = []
    var diagnostics: [Diagnostic] = []
  }

  /// Replaces the `!include` entries of `entries` (written in `configFile`, whose folder is
  /// `folder`), reading each included site; `depth` bounds includes of includes.
  func mergeIncludes(
    _ entries: [MkDocsConfig.NavEntry], folder: String, siteFolder: String, configFile: SourceFile,
    into merged: inout MergedIncludes, depth: Int = 0
  ) -> [MkDocsConfig.NavEntry] {
    entries.compactMap { entry -> MkDocsConfig.NavEntry? in
      switch entry.target {
      case .path:
        return entry
      case .section(let children):
        var copy = entry
        copy.target = .section(
          mergeIncludes(
            children, folder: folder, siteFolder: siteFolder, configFile: configFile, into: &merged, depth: depth))
        return copy
      case .include(let path):
        let location = SourceLocation(path: configFile.path, position: entry.position)
        guard depth < 4 else {
          merged.diagnostics.append(
            .error(.docsBadConfig, "'!include \(path)' nests includes too deeply", at: location))
          return nil
        }
        return include(
          path, title: entry.title, folder: folder, siteFolder: siteFolder, at: location, position: entry.position,
          into: &merged, depth: depth)
      }
    }
  }

  private func include(
    _ path: String, title: String?, folder: String, siteFolder: String, at location: SourceLocation,
    position: SourcePosition, into merged: inout MergedIncludes, depth: Int
  ) -> MkDocsConfig.NavEntry? {
    let joined = folder.isEmpty ? path : folder + "/" + path
    guard let configPath = DocsLocator.normalized(joined),
      siteFolder.isEmpty || configPath.hasPrefix(siteFolder + "/"),
      fetchedFiles != nil || RootPath.staysInside(configPath, root: root)
    else {
      merged.diagnostics.append(
        .error(.docsPathOutsideRoot, "'!include \(path)' leads outside the docs site", at: location))
      return nil
    }
    let file: SourceFile
    switch read(configPath) {
    case .failure:
      merged.diagnostics.append(.error(.docsBadConfig, "'!include \(path)' names no mkdocs.yml", at: location))
      return nil
    case .success(let read): file = read
    }
    let (config, problems) = MkDocsConfigLoader().parse(file)
    merged.diagnostics += problems
    guard let alias = config.siteName, let slug = RootPath.normalized(alias), !slug.contains("/") else {
      merged.diagnostics.append(
        .error(
          .docsBadConfig, "the site '!include \(path)' names needs a 'site_name' usable as a folder name",
          at: location))
      return nil
    }
    let subFolder = configPath.lastIndex(of: "/").map { String(configPath[..<$0]) } ?? ""
    let docsFolder = (subFolder.isEmpty ? "" : subFolder + "/") + config.docsDirectory
    var pagePaths: [String] = []
    for filePath in files(under: docsFolder + "/").sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let relative = String(filePath.dropFirst(docsFolder.count + 1))
      guard case .success(let included) = read(filePath) else { continue }
      let fileExtension = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
      if relative.contains("."), Self.markdownExtensions.contains(fileExtension) {
        merged.pages.append((slug + "/" + relative, included))
        pagePaths.append(relative)
      } else {
        merged.assets.append((slug + "/" + relative, included))
      }
    }
    let children: [MkDocsConfig.NavEntry]
    if let nav = config.nav {
      let expanded = mergeIncludes(
        nav, folder: subFolder, siteFolder: siteFolder, configFile: file, into: &merged, depth: depth + 1)
      children = Self.prefixed(expanded, with: slug)
    } else {
      let ordered =
        pagePaths.filter { DocsSlug.isIndex($0) && !$0.contains("/") }
        + pagePaths.filter { !(DocsSlug.isIndex($0) && !$0.contains("/")) }
      children = ordered.map { MkDocsConfig.NavEntry(title: nil, target: .path(slug + "/" + $0), position: position) }
    }
    return MkDocsConfig.NavEntry(title: title ?? alias, target: .section(children), position: position)
  }

  /// The entries with their page paths moved under `folder` (external links stay as they are).
  static func prefixed(_ entries: [MkDocsConfig.NavEntry], with folder: String) -> [MkDocsConfig.NavEntry] {
    entries.map { entry in
      var copy = entry
      switch entry.target {
      case .path(let path) where !path.contains(":") && !path.hasPrefix("/"):
        copy.target = .path(folder + "/" + path)
      case .section(let children):
        copy.target = .section(prefixed(children, with: folder))
      default:
        break
      }
      return copy
    }
  }
}

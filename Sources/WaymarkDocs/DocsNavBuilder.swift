import Foundation
import WaymarkLoading
import WaymarkModel

/// Builds a docs site's navigation: from `nav:` in mkdocs.yml, or, without it, from the file
/// tree as MkDocs does (a folder's index first, then its pages, then its sub-folders as sections).
package struct DocsNavBuilder {
  /// A nav entry naming a page that does not exist, reported as a broken link.
  package struct Problem: Sendable {
    package var message: String
    package var location: SourceLocation
  }

  package let pages: [DocsPage]
  /// The config file's path, for locating problems in `nav:`.
  package let configPath: String
  package private(set) var problems: [Problem] = []
  private let pageIndexByPath: [String: Int]

  package init(pages: [DocsPage], configPath: String) {
    self.pages = pages
    self.configPath = configPath
    pageIndexByPath = Dictionary(pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The navigation `nav:` describes; entries naming missing pages are left out and reported.
  package mutating func nav(from entries: [MkDocsConfig.NavEntry]) -> [DocsNavItem] {
    var items: [DocsNavItem] = []
    for entry in entries {
      let location = SourceLocation(path: configPath, position: entry.position)
      switch entry.target {
      case .section(let children):
        items.append(DocsNavItem(title: entry.title ?? "", target: .section(nav(from: children))))
      case .include:
        // DocsLoader merges includes it can read and reports the others.
        continue
      case .path(let path):
        if DocsLinkResolver.hasScheme(path) || path.hasPrefix("/") {
          guard let safe = SitePaths.safeLink(path) else {
            problems.append(
              Problem(message: "nav entry '\(path)' is not a safe link and is left out", location: location))
            continue
          }
          items.append(DocsNavItem(title: entry.title ?? path, target: .link(safe)))
          continue
        }
        let decoded = PercentDecoding.decoded(path)
        guard let normalized = RootPath.normalized(decoded), let index = pageIndexByPath[normalized] else {
          problems.append(
            Problem(message: "nav entry '\(path)' names no page in the docs folder and is left out", location: location)
          )
          continue
        }
        items.append(DocsNavItem(title: entry.title ?? pages[index].title, target: .page(index)))
      }
    }
    return items
  }

  /// The navigation of the file tree: every page, folders as sections titled from their names.
  package func fileTreeNav() -> [DocsNavItem] {
    items(in: "", pageIndices: Array(pages.indices))
  }

  private func items(in folder: String, pageIndices: [Int]) -> [DocsNavItem] {
    let prefix = folder.isEmpty ? "" : folder + "/"
    var here: [Int] = []
    var subfolders: [String: [Int]] = [:]
    for index in pageIndices {
      let rest = pages[index].path.dropFirst(prefix.count)
      if let slash = rest.firstIndex(of: "/") {
        subfolders[String(rest[..<slash]), default: []].append(index)
      } else {
        here.append(index)
      }
    }
    here.sort { lhs, rhs in
      let (left, right) = (DocsSlug.isIndex(pages[lhs].path), DocsSlug.isIndex(pages[rhs].path))
      if left != right { return left }
      return pages[lhs].path.utf8.lexicographicallyPrecedes(pages[rhs].path.utf8)
    }
    var result = here.map { DocsNavItem(title: pages[$0].title, target: .page($0)) }
    for name in subfolders.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let children = items(in: prefix + name, pageIndices: subfolders[name] ?? [])
      result.append(DocsNavItem(title: DocsSlug.title(fromName: name), target: .section(children)))
    }
    return result
  }
}

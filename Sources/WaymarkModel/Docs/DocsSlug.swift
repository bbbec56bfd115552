/// MkDocs' directory URLs: `guides/setup.md` → `guides/setup/`, `index.md` and `README.md` →
/// their folder, and titles made from file names.
package enum DocsSlug {
  /// The page's folder relative to the site's URL, percent-encoded segment by segment.
  package static func slug(for path: String) -> String {
    var parts = path.split(separator: "/").map(String.init)
    guard let last = parts.popLast() else { return "" }
    if !isIndex(last) { parts.append(stem(last)) }
    return parts.map(SitePaths.docsSegment).map { $0 + "/" }.joined()
  }

  /// Whether a file name (or path) is a folder's index page: `index.md` or `README.md`.
  package static func isIndex(_ path: String) -> Bool {
    let name = stem(String(path.split(separator: "/").last ?? "")).lowercased()
    return name == "index" || name == "readme"
  }

  /// Whether a path is a README (which yields to an `index.md` in the same folder).
  package static func isReadme(_ path: String) -> Bool {
    stem(String(path.split(separator: "/").last ?? "")).lowercased() == "readme"
  }

  /// The file name without its extension.
  package static func stem(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// A title from a file or folder name as MkDocs makes it: `getting-started.md` → `Getting started`.
  package static func title(fromName name: String) -> String {
    let words = stem(name).replacingDashes
    guard let first = words.first else { return name }
    return first.uppercased() + words.dropFirst()
  }
}

extension String {
  fileprivate var replacingDashes: String {
    String(map { $0 == "-" || $0 == "_" ? " " : $0 })
  }
}

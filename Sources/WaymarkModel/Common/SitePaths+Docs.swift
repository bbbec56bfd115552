extension SitePaths {
  /// The folder of an entity's docs site: `docs/<namespace>/<kind>/<name>/` (Backstage's shape).
  public static func docsSite(_ ref: EntityRef) -> String {
    "docs/" + ref.pathComponents.map(safeSegment).joined(separator: "/") + "/"
  }

  /// A docs site's page list and headings: `api/docs/<namespace>/<kind>/<name>.json`.
  public static func docsJSON(_ ref: EntityRef) -> String {
    "api/docs/" + ref.pathComponents.map(safeSegment).joined(separator: "/") + ".json"
  }

  /// A file under a docs site, by its path relative to the docs folder: `img/flow.svg`.
  public static func docsFile(_ ref: EntityRef, path: String) -> String {
    docsSite(ref) + docsFileInSite(path)
  }

  /// A file's path inside its docs site's folder: each segment made safe by `docsSegment`.
  public static func docsFileInSite(_ path: String) -> String {
    path.split(separator: "/").map { docsSegment(String($0)) }.joined(separator: "/")
  }

  /// A relative URL inside one docs site: from the page at `slug` (`guides/setup/`) to `target`,
  /// a site-relative path (`guides/deep-dive/`, `img/flow.svg`); `./` for the page itself.
  public static func docsRelative(fromSlug slug: String, to target: String) -> String {
    let from = slug.split(separator: "/")
    var to = target.split(separator: "/", omittingEmptySubsequences: false)
    if to.last == "" { to.removeLast() }
    let isFolder = target.hasSuffix("/") || target.isEmpty
    var shared = 0
    while shared < from.count, shared < to.count - (isFolder ? 0 : 1), from[shared] == to[shared] { shared += 1 }
    let path = Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared).map(String.init)
    let joined = path.joined(separator: "/")
    if joined.isEmpty { return "./" }
    return isFolder ? joined + "/" : joined
  }

  /// A docs path segment: case kept (as MkDocs does), anything but `[A-Za-z0-9._-]` becomes
  /// `_`, and `.`/`..` become `_`/`__`, so it is safe in a URL and on disk.
  public static func docsSegment(_ text: String) -> String {
    var segment = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": segment.unicodeScalars.append(scalar)
      default: segment.append("_")
      }
    }
    if segment.isEmpty || segment.allSatisfy({ $0 == "." }) {
      segment = String(repeating: "_", count: max(1, segment.count))
    }
    return segment
  }
}

/// Where each page and API file lives in the output, and how pages link to each other.
public enum SitePaths {
  /// The folder of an entity's page: `catalog/<namespace>/<kind>/<name>/` (Backstage's URL shape).
  public static func entityPage(_ ref: EntityRef) -> String {
    "catalog/" + ref.pathComponents.map(safeSegment).joined(separator: "/") + "/"
  }

  /// An entity's JSON file: `api/entities/<namespace>/<kind>/<name>.json`.
  public static func entityJSON(_ ref: EntityRef) -> String {
    "api/entities/" + ref.pathComponents.map(safeSegment).joined(separator: "/") + ".json"
  }

  /// The relative prefix from a page's folder back to the site root: `""`, `"../"`, ….
  public static func rootPrefix(forPageAt path: String) -> String {
    let depth = path.split(separator: "/", omittingEmptySubsequences: true).count - (path.hasSuffix("/") ? 0 : 1)
    return String(repeating: "../", count: max(0, depth))
  }

  /// A path segment that cannot climb out of its folder or break a URL: anything but
  /// `[a-z0-9._-]` becomes `_`, and `.`/`..` become `_`/`__`.
  public static func safeSegment(_ text: String) -> String {
    var segment = ""
    for scalar in text.lowercased().unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9", "-", "_", ".": segment.unicodeScalars.append(scalar)
      default: segment.append("_")
      }
    }
    if segment.isEmpty || segment.allSatisfy({ $0 == "." }) {
      segment = String(repeating: "_", count: max(1, segment.count))
    }
    return segment
  }

  /// `url` if it is safe to put in an `href` (http, https, mailto, or relative), else nil.
  public static func safeLink(_ url: String) -> String? {
    let trimmed = url.trimmingCharactersInSet(whitespace: true)
    guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
    let scheme = trimmed[..<colon]
    if scheme.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
      return trimmed
    }
    return ["http", "https", "mailto"].contains(scheme.lowercased()) ? trimmed : nil
  }
}

extension String {
  fileprivate func trimmingCharactersInSet(whitespace: Bool) -> String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace || first.value < 0x20 { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace || last.value < 0x20 { scalars.removeLast() }
    return String(scalars)
  }
}

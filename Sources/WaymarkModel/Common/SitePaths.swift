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
    if let plain = asciiSegment(text) { return plain }
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

  /// `safeSegment` of a name of ASCII letters, digits, `-`, `_` and `.` (not only dots): the
  /// name lowercased, read by bytes (every entity's name, on every page that links to it); nil
  /// for any other name.
  private static func asciiSegment(_ text: String) -> String? {
    var hasUppercase = false
    var onlyDots = true
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
        UInt8(ascii: "_"):
        onlyDots = false
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        onlyDots = false
        hasUppercase = true
      case UInt8(ascii: "."): break
      default: return nil
      }
    }
    if onlyDots { return nil }
    guard hasUppercase else { return text }
    return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
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

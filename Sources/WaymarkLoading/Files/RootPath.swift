/// Root-relative path arithmetic that never leaves the site root.
public enum RootPath {
  /// `path` with `.` and `..` folded, or nil when it is absolute, empty or climbs above the root.
  public static func normalized(_ path: String) -> String? {
    guard !path.hasPrefix("/"), !hasNULOrScheme(path) else { return nil }
    if isNormal(path) { return path }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(part)
      }
    }
    guard !parts.isEmpty else { return nil }
    return parts.joined(separator: "/")
  }

  /// Whether `path` is already what folding would make of it: no empty, `.` or `..` name.
  private static func isNormal(_ path: String) -> Bool {
    var length = 0
    var onlyDots = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") {
        if length == 0 || (onlyDots && length <= 2) { return false }
        length = 0
        onlyDots = true
      } else {
        length += 1
        onlyDots = onlyDots && byte == UInt8(ascii: ".")
      }
    }
    return length > 0 && !(onlyDots && length <= 2)
  }

  /// Whether `path` holds a NUL byte or `://`, by its bytes (Foundation's substring search,
  /// which `String.contains` would use, costs more than the whole check).
  private static func hasNULOrScheme(_ path: String) -> Bool {
    var previous: (UInt8, UInt8) = (0xFF, 0xFF)
    for byte in path.utf8 {
      if byte == 0 || (byte == UInt8(ascii: "/") && previous == (UInt8(ascii: ":"), UInt8(ascii: "/"))) {
        return true
      }
      previous = (previous.1, byte)
    }
    return false
  }

  /// `relative` resolved against the folder holding `file`, or nil when it leaves the root.
  public static func resolve(_ relative: String, besideFile file: String) -> String? {
    let folder = file.split(separator: "/").dropLast().joined(separator: "/")
    return normalized(folder.isEmpty ? relative : folder + "/" + relative)
  }
}

/// Root-relative path arithmetic that never leaves the site root.
public enum RootPath {
  /// `path` with `.` and `..` folded, or nil when it is absolute, empty or climbs above the root.
  public static func normalized(_ path: String) -> String? {
    guard !path.hasPrefix("/"), !path.contains("\0"), !path.contains("://") else { return nil }
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

  /// `relative` resolved against the folder holding `file`, or nil when it leaves the root.
  public static func resolve(_ relative: String, besideFile file: String) -> String? {
    let folder = file.split(separator: "/").dropLast().joined(separator: "/")
    return normalized(folder.isEmpty ? relative : folder + "/" + relative)
  }
}

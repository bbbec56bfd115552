/// Hidden files (`.git/config`, `.env`, `.git/hooks/*`) are never inputs: the walk skips them,
/// and every reference (a Location target, `$text`/`$json`/`$yaml`, a techdocs-ref, a link
/// followed to its target) is refused when it names one, by name or through a symbolic link.
extension RootPath {
  /// The first segment of the root-relative `path` that starts with `.` (`.git`, `.env`), or
  /// nil; `.` and `..` themselves are folded or refused by `normalized` before this is asked.
  public static func hiddenSegment(in path: String) -> Substring? {
    // Asked of every file read and published: segments are looked at in place, none is copied.
    let utf8 = path.utf8
    var start = utf8.startIndex
    while start < utf8.endIndex {
      let end = utf8[start...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
      let segment = path[start..<end]
      if segment.utf8.first == UInt8(ascii: "."), segment != ".", segment != ".." { return segment }
      start = end == utf8.endIndex ? end : utf8.index(after: end)
    }
    return nil
  }

  /// `real` (a resolved absolute path) relative to the resolved `root`; nil when outside it.
  public static func relative(real: String, root: String) -> String? {
    relative(real: real, resolvedRoot: resolved(root))
  }

  /// `real` relative to `resolvedRoot` (a root with its links resolved, `resolved(_:)`); nil
  /// when outside it.
  public static func relative(real: String, resolvedRoot: String) -> String? {
    if real == resolvedRoot { return "" }
    let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
    return real.hasPrefix(prefix) ? String(real.dropFirst(prefix.count)) : nil
  }

  /// Where the root-relative `path` really leads when that is a hidden file or folder (a link
  /// to `.git/config`): the hidden root-relative path, else nil (also when it does not resolve).
  public static func hiddenTarget(of path: String, root: String) -> String? {
    let absolute = root.hasSuffix("/") ? root + path : root + "/" + path
    guard case .success(let real) = realPath(absolute), let relative = relative(real: real, root: root) else {
      return nil
    }
    return hiddenSegment(in: relative) == nil ? nil : relative
  }
}

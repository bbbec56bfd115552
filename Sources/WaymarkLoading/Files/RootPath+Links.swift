import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where symbolic links really lead: `RootPath`'s arithmetic is on names only, so a path that
/// stays inside the root by name can still leave it through a link (`docs -> /etc`).
extension RootPath {
  /// Why a path could not be resolved: the `errno` of `realpath`.
  public struct ResolutionError: Error, Sendable, Hashable {
    /// `ENOENT`, `EACCES`, `ELOOP`, …
    public var code: Int32
  }

  /// The absolute path with every symbolic link resolved, or why not.
  public static func realPath(_ absolute: String) -> Result<String, ResolutionError> {
    guard let resolved = realpath(absolute, nil) else { return .failure(ResolutionError(code: errno)) }
    defer { free(resolved) }
    return .success(String(cString: resolved))
  }

  /// Whether `real` (a resolved absolute path) is `root` or inside it, once the root's own links
  /// are resolved too.
  public static func isInside(_ real: String, root: String) -> Bool {
    isInside(real, resolvedRoot: resolved(root))
  }

  /// Whether `real` is `resolvedRoot` (a root with its links resolved, `resolved(_:)`) or
  /// inside it; for many paths under one root, which is then resolved once.
  public static func isInside(_ real: String, resolvedRoot: String) -> Bool {
    if real == resolvedRoot { return true }
    return real.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
  }

  /// `root` with its links resolved, or as given when it does not resolve.
  public static func resolved(_ root: String) -> String {
    switch realPath(root) {
    case .success(let path): path
    case .failure: root
    }
  }

  /// Whether the root-relative `path` exists and every link on the way stays inside `root`;
  /// false when it is missing or leads out.
  public static func staysInside(_ path: String, root: URL) -> Bool {
    let rootPath = root.standardizedFileURL.path
    let absolute = rootPath.hasSuffix("/") ? rootPath + path : rootPath + "/" + path
    guard case .success(let real) = realPath(absolute) else { return false }
    return isInside(real, root: rootPath)
  }
}

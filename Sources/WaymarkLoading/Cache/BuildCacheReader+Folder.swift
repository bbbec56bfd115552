import Foundation

extension BuildCacheReader {
  /// Whether `folder` is a build cache that holds nothing else: its tag (`CACHEDIR.TAG`), its
  /// tables (`*.cache`), tables being written (`.<name>.cache.<id>`) and the sites kept for the
  /// next publish (`site-<key>`). The input walk leaves such a folder out when `--cache` names
  /// one inside the root; a folder holding anything else is read like any other.
  public static func holdsOnlyCacheFiles(_ folder: URL) -> Bool {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
      names.contains("CACHEDIR.TAG")
    else { return false }
    return names.allSatisfy { name in
      name == "CACHEDIR.TAG" || name.hasSuffix(".cache") || (name.hasPrefix(".") && name.contains(".cache."))
        || name.hasPrefix("site-")
    }
  }
}

import WaymarkModel

extension LayoutSet {
  /// The key of the theme's and the site's files, paths and bytes: a page rendered through
  /// layouts with the same key and the same model is the same page.
  static func fingerprint(theme: [String: [UInt8]], site: [String: [UInt8]]) -> MemoKey {
    var hasher = MemoHasher("layouts")
    for files in [theme, site] {
      hasher.add(files.count)
      for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        hasher.add(path)
        hasher.add(files[path] ?? [])
      }
    }
    return hasher.finish()
  }
}

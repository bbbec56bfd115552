/// Proposes as few, as general input globs as match exactly the files of one kind.
///
/// A folder whose every file (of the kind's extension, for catalog YAML) is of the kind becomes
/// one `folder/**/…` glob; otherwise its own files are listed and its subfolders tried in turn.
/// The root itself is never globbed whole: other tools' files live there.
public struct GlobProposer: Sendable {
  /// Every file of the repository that is not excluded, sorted.
  public let files: [String]

  /// Creates a proposer over `files`.
  public init(files: [String]) {
    self.files = files
  }

  /// Globs matching every path in `selected` and no other file of `files`; `suffix` limits what a
  /// folder glob must cover (`.yaml`) or nil for every file.
  public func globs(for selected: Set<String>, suffix: String?) -> [String] {
    let candidates = files.filter { suffix.map($0.hasSuffix) ?? true }
    var globs: [String] = []
    propose(folder: "", candidates: candidates, selected: selected, suffix: suffix, into: &globs)
    return globs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private func propose(
    folder: String, candidates: [String], selected: Set<String>, suffix: String?, into globs: inout [String]
  ) {
    let prefix = folder.isEmpty ? "" : folder + "/"
    let inside = candidates.filter { $0.hasPrefix(prefix) }
    guard inside.contains(where: selected.contains) else { return }
    if !folder.isEmpty, inside.allSatisfy(selected.contains) {
      globs.append(prefix + "**/*" + (suffix ?? ""))
      return
    }
    var subfolders = Set<String>()
    for path in inside {
      let rest = path.dropFirst(prefix.count)
      if let slash = rest.firstIndex(of: "/") {
        subfolders.insert(prefix + rest[..<slash])
      } else if selected.contains(path) {
        globs.append(path)
      }
    }
    for subfolder in subfolders.sorted() {
      propose(folder: subfolder, candidates: inside, selected: selected, suffix: suffix, into: &globs)
    }
  }
}

import Foundation
import WaymarkModel

extension FolderPlacement {
  /// The layouts folder's problems: it is, holds or lies inside a folder other inputs are read
  /// from (an input glob's folder, a docs folder, the policies), or holds a file an input glob
  /// reads. Checked by name and by where the folder's links lead.
  package func layoutsProblems(files: [String]) -> [Problem] {
    let layouts = config.layoutsDirectory
    var names = [layouts]
    if let relative = relativePath(of: root.appendingPathComponent(layouts).path),
      case .success(let real) = RootPath.realPath(root.appendingPathComponent(layouts).path),
      let resolved = RootPath.relative(real: real, root: root.path), resolved != relative
    {
      names.append(resolved)
    }
    let guarded =
      globFolders + docs + [
        Guarded(path: config.policiesDirectory, description: "the policies folder '\(config.policiesDirectory)'")
      ]
    for name in names {
      let shown = name == layouts ? "'\(layouts)'" : "'\(layouts)' (a link to '\(name)')"
      if let overlap = guarded.lazy.compactMap({ Self.overlap(of: name, with: $0) }).first {
        let text = "the layouts folder \(shown) \(overlap.relation) \(overlap.guarded.description)"
        return [layoutsProblem(text, overlap.guarded.location)]
      }
      if let read = firstInput(under: name, in: files) {
        let text = "the layouts folder \(shown) holds '\(read.file)', which \(read.key) reads"
        return [layoutsProblem(text, SourceLocation(path: read.file))]
      }
    }
    return []
  }

  private func layoutsProblem(_ text: String, _ location: SourceLocation?) -> Problem {
    Problem(
      code: .layoutOverlapsInput,
      message: text
        + "; layouts are trusted (their script runs on every page), so no other input may be read from them",
      fallbackLocation: location)
  }

  /// The first of the walk's `files` under `folder` that an input glob matches, with the glob's key.
  private func firstInput(under folder: String, in files: [String]) -> (file: String, key: String)? {
    let inputs =
      [("inputs.catalog", config.catalogGlobs), ("inputs.events", config.eventGlobs)]
      + [("inputs.policyResults", config.policyResultGlobs)]
    let patterns = inputs.map { key, globs in (key, globs.map(GlobPattern.init)) }
    for file in files where file.hasPrefix(folder + "/") {
      if let match = patterns.first(where: { _, globs in globs.contains { $0.matches(file) } }) {
        return (file, match.0)
      }
    }
    return nil
  }
}

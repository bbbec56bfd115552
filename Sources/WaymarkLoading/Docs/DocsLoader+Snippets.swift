import Foundation
import Markdown
import WaymarkModel

/// pymdownx.snippets: the files the pages' `--8<--` directives name are read with the pages, so
/// the docs stage reads no file. Which files those are is found by expanding each page that
/// has a directive (or every page, with `auto_append`) the way the stage will, so ranges,
/// sections, escapes and snippets inside snippets name exactly the files the stage asks for.
extension DocsLoader {
  /// The files `pages` (and the snippets they include) name, by root-relative path: read, or
  /// the reason they were not (a link leading out of the site folder, too large, …).
  func readSnippets(of pages: [SourceFile], config: MkDocsConfig, siteFolder: String) -> [String: Result<
    SourceFile, Diagnostic
  >] {
    let expander = SnippetExpander(
      autoAppend: config.snippets.autoAppend, dedentsSubsections: config.snippets.dedentsSubsections)
    let resolver = DocsSnippetResolver(siteFolder: siteFolder, settings: config.snippets)
    let siteFiles = files(under: siteFolder.isEmpty ? "" : siteFolder + "/")
    var read: [String: Result<SourceFile, Diagnostic>] = [:]
    for page in pages where expander.applies(toBytes: page.bytes) {
      let body = MarkdownFrontMatter(splitting: String(decoding: page.bytes, as: UTF8.self)).body
      guard expander.applies(to: body) else { continue }
      _ = expander.expand(body) { path in
        resolver.lookup(
          path, exists: { siteFiles.contains($0) },
          read: { candidate in
            if read[candidate] == nil { read[candidate] = readSnippet(candidate, siteFolder: siteFolder) }
            return Self.text(of: read[candidate]!)
          })
      }
    }
    return read
  }

  /// Reads `path`, refusing it when its links lead outside the site folder.
  private func readSnippet(_ path: String, siteFolder: String) -> Result<SourceFile, Diagnostic> {
    let siteRoot = siteFolder.isEmpty ? root : root.appendingPathComponent(siteFolder)
    let relative = siteFolder.isEmpty ? path : String(path.dropFirst(siteFolder.count + 1))
    guard RootPath.staysInside(relative, root: siteRoot) else {
      return .failure(
        .error(
          .inputOutsideRoot, "a symbolic link leads outside the docs site; it is not read",
          at: SourceLocation(path: path)))
    }
    return SourceFile.read(path, under: root, resolvedRoot: resolvedRoot)
  }

  /// The text of a snippet read, or why it was not (outside the site when a link leads out).
  package static func text(of read: Result<SourceFile, Diagnostic>) -> Result<
    String, DocsSnippetResolver.ReadFailure
  > {
    switch read {
    case .success(let file): return .success(String(decoding: file.bytes, as: UTF8.self))
    case .failure(let diagnostic):
      let isOutside = diagnostic.code == .inputOutsideRoot || diagnostic.code == .inputHiddenPath
      return .failure(
        .init(reason: "'\(diagnostic.location?.path ?? "")': \(diagnostic.message)", isOutside: isOutside))
    }
  }
}

import Markdown
import WaymarkLoading
import WaymarkModel

/// The `--8<--` snippets of one docs site: how its pages expand them (its `pymdownx.snippets`
/// settings) and the files they may include, read by the loader; nothing is read here.
package struct DocsSnippetSource: Sendable {
  let expander: SnippetExpander
  let resolver: DocsSnippetResolver
  /// The files read, by root-relative path.
  let files: [String: SourceFile]
  /// Their text, or why they were not read.
  let texts: [String: Result<String, DocsSnippetResolver.ReadFailure>]
  /// `check_paths`: a snippet not included is an error.
  let checksPaths: Bool
  /// Where `auto_append` is written.
  let autoAppendLocation: SourceLocation?
  /// The key of everything an expansion reads: the site's folders, its settings file (which the
  /// snippet settings come from) and every file snippets may include, with its bytes or why it
  /// was not read.
  let key: MemoKey

  /// The snippets of `site`.
  package init(site: LoadedDocsSite) {
    let settings = site.config.snippets
    expander = SnippetExpander(autoAppend: settings.autoAppend, dedentsSubsections: settings.dedentsSubsections)
    resolver = DocsSnippetResolver(siteFolder: site.source.folder, settings: settings)
    files = site.snippets.compactMapValues { try? $0.get() }
    texts = site.snippets.mapValues { DocsLoader.text(of: $0) }
    checksPaths = settings.checksPaths
    autoAppendLocation = site.configFile.map { file in
      settings.autoAppendPosition.map { SourceLocation(path: file.path, position: $0) }
        ?? SourceLocation(path: file.path)
    }
    key = Self.key(of: site, texts: texts)
  }

  private static func key(
    of site: LoadedDocsSite, texts: [String: Result<String, DocsSnippetResolver.ReadFailure>]
  ) -> MemoKey {
    var hasher = MemoHasher("docs-snippets")
    hasher.add(site.source.folder)
    hasher.add(site.docsFolder)
    hasher.add(site.configFile?.path)
    hasher.add(site.configFile?.bytes ?? [])
    hasher.add(texts.count)
    for path in texts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      hasher.add(path)
      switch texts[path] {
      case .success(let text)?:
        hasher.add(true)
        hasher.add(text)
        let file = try? site.snippets[path]?.get()
        hasher.add(file?.path)
        hasher.add(file?.bytes ?? [])
      case .failure(let failure)?:
        hasher.add(false)
        hasher.add(failure.reason)
        hasher.add(failure.isOutside)
      case nil: hasher.add("none")
      }
    }
    return hasher.finish()
  }

  /// Whether `body` would include another file (a `--8<--` line or `auto_append`).
  package func applies(to body: String) -> Bool {
    expander.applies(to: body)
  }

  /// `body` with its snippets expanded, or nil when it has none.
  package func expand(_ body: String) -> SnippetExpansion? {
    guard expander.applies(to: body) else { return nil }
    return expander.expand(body) { path in
      resolver.lookup(path, exists: { texts[$0] != nil }, read: { texts[$0]! })
    }
  }

  /// The file a line of `expansion` comes from: the page, a snippet, or nil for `auto_append`.
  package func file(of origin: SnippetOrigin, in expansion: SnippetExpansion, page: SourceFile) -> SourceFile? {
    guard origin.source != 0 else { return page }
    guard origin.source > 0 else { return nil }
    return files[expansion.files[origin.source - 1]]
  }

  /// The problems of `expansion` as diagnostics, at their directives.
  package func diagnostics(for expansion: SnippetExpansion, page: SourceFile) -> [Diagnostic] {
    expansion.problems.map { problem in
      let location: SourceLocation?
      if let file = file(of: problem.origin, in: expansion, page: page) {
        location = SourceLocation(path: file.path, line: problem.origin.line, column: problem.column)
      } else {
        location = autoAppendLocation
      }
      switch problem.kind {
      case .missing:
        return Diagnostic(
          checksPaths ? .error : .warning, code: .docsSnippetMissing, message: problem.message,
          location: location)
      case .outsideSite:
        return Diagnostic(
          checksPaths ? .error : .warning, code: .docsSnippetOutsideSite, message: problem.message,
          location: location)
      case .loop:
        return .warning(.docsSnippetLoop, problem.message, at: location)
      }
    }
  }
}

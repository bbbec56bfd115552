/// `pymdownx.snippets` as techdocs-core turns it on: each `--8<-- "file"` line, and each path
/// line of a `--8<--` … `--8<--` block, is replaced by the file's lines (indented as the
/// directive is), with line ranges (`file:3:5`) and named sections (`file:name`); `;` escapes a
/// directive; section markers are removed; files are expanded in turn.
///
/// It runs on the page's lines before anything else reads them, so it reaches into fenced code
/// as mkdocs' preprocessor does. Files come from `resolve`, which alone decides what may be
/// read (the docs stage keeps it inside the site). Unlike mkdocs, which drops what it cannot
/// include without a word, each snippet left out is a `SnippetProblem`; nesting is limited to
/// `maximumDepth` files and the page to `maximumBytes`, so no set of files can loop or blow up.
public struct SnippetExpander: Sendable {
  /// `auto_append`: files included at the end of every page (a glossary of abbreviations).
  public var autoAppend: [String]
  /// `dedent_subsections`: ranges and sections lose their common indentation.
  public var dedentsSubsections: Bool
  /// How many files deep snippets may include snippets.
  public var maximumDepth: Int
  /// How large (UTF-8 bytes) a page may grow with its snippets.
  public var maximumBytes: Int

  /// Creates an expander.
  public init(
    autoAppend: [String] = [], dedentsSubsections: Bool = false, maximumDepth: Int = 16,
    maximumBytes: Int = 8 << 20
  ) {
    self.autoAppend = autoAppend
    self.dedentsSubsections = dedentsSubsections
    self.maximumDepth = maximumDepth
    self.maximumBytes = maximumBytes
  }

  /// Whether `markdown` needs expanding: it holds a `8<` marker or files are appended.
  public func applies(to markdown: String) -> Bool {
    !autoAppend.isEmpty || SnippetDirective.hasMarker(markdown)
  }

  /// Whether a page's bytes need expanding (a cheap test before they are decoded).
  public func applies(toBytes bytes: [UInt8]) -> Bool {
    !autoAppend.isEmpty || SnippetDirective.hasMarker(bytes: bytes)
  }

  /// `markdown` with its snippets expanded; `resolve` looks each path up.
  public func expand(_ markdown: String, resolve: (String) -> SnippetLookup) -> SnippetExpansion {
    withoutActuallyEscaping(resolve) { expand(markdown, lookingUpWith: $0) }
  }

  private func expand(_ markdown: String, lookingUpWith resolve: @escaping (String) -> SnippetLookup)
    -> SnippetExpansion
  {
    var state = SnippetExpansionState(settings: self, resolve: resolve)
    var lines = MarkdownLines.split(markdown).enumerated().map {
      SnippetExpansionState.SourceLine(text: $1, origin: SnippetOrigin(source: 0, line: $0 + 1))
    }
    if !autoAppend.isEmpty {
      // pymdownx appends "\n\n-8<-\n" + the paths joined by blank lines + "\n-8<-\n" to the lines.
      let last = SnippetOrigin(source: 0, line: max(1, lines.count))
      var appended = ["", "", "-8<-"]
      var origins = [last, last, last]
      for (index, path) in autoAppend.enumerated() {
        if index > 0 {
          appended.append("")
          origins.append(last)
        }
        appended.append(path)
        origins.append(SnippetOrigin(source: -1, line: index + 1, pageLine: last.line))
      }
      appended += ["-8<-", ""]
      origins += [last, last]
      lines += zip(appended, origins).map { SnippetExpansionState.SourceLine(text: Substring($0), origin: $1) }
    }
    state.expand(lines, prefix: "", isSection: false, depth: 0)
    return SnippetExpansion(
      text: state.output.joined(separator: "\n"), origins: state.origins, files: state.files,
      problems: state.problems)
  }
}

/// Where one line of a page with its snippets expanded came from.
public struct SnippetOrigin: Sendable, Hashable {
  /// The file holding the line: 0 is the page, n > 0 is `SnippetExpansion.files[n - 1]`, -1 is
  /// the site's `auto_append` list (then `line` is the entry's 1-based position in it).
  public var source: Int
  /// The 1-based line in that file.
  public var line: Int
  /// How many columns the including directives' leading blanks put in front of the line.
  public var indent: Int
  /// The page's line the line stands at: its own for the page's lines, else the line of the
  /// page's directive that (through any snippets) included it.
  public var pageLine: Int

  /// Creates an origin.
  public init(source: Int, line: Int, indent: Int = 0, pageLine: Int? = nil) {
    self.source = source
    self.line = line
    self.indent = indent
    self.pageLine = pageLine ?? line
  }
}

/// A snippet that could not be included, at the directive that names it.
public struct SnippetProblem: Sendable, Hashable {
  /// Why.
  public enum Kind: Sendable, Hashable {
    /// No such file or section, an empty path, or a block never closed.
    case missing
    /// The path leaves the docs site (by name, through a link, as an absolute path or a URL).
    case outsideSite
    /// A snippet including itself, nesting too deep, or the page growing past the size limit.
    case loop
  }

  /// Why.
  public var kind: Kind
  /// A sentence saying what was not included and why.
  public var message: String
  /// The directive's line.
  public var origin: SnippetOrigin
  /// The directive's 1-based column in its file (after its leading blanks).
  public var column: Int

  /// Creates a problem.
  public init(kind: Kind, message: String, origin: SnippetOrigin, column: Int) {
    self.kind = kind
    self.message = message
    self.origin = origin
    self.column = column
  }
}

/// What a snippet path leads to, as the docs stage resolves it (base paths, the site's files).
public enum SnippetLookup: Sendable, Hashable {
  /// A file: an identity (its path from the site root, for loops and `SnippetExpansion.files`) and its text.
  case file(id: String, text: String)
  /// No file: the reason, e.g. `no file 'docs/a.md' in the docs site`.
  case missing(String)
  /// A path that leaves the docs site: the reason.
  case outsideSite(String)
}

/// A page with its `--8<--` snippets replaced by the files they name.
public struct SnippetExpansion: Sendable, Hashable {
  /// The expanded markdown.
  public var text: String
  /// Where each line of `text` came from, one entry per line.
  public var origins: [SnippetOrigin]
  /// The identities of the files included, in the order first met (`SnippetOrigin.source` - 1).
  public var files: [String]
  /// The snippets not included, in the order met.
  public var problems: [SnippetProblem]

  /// The origin of `text`'s 1-based `line` (the last line's for one past the end).
  public func origin(ofLine line: Int) -> SnippetOrigin {
    guard !origins.isEmpty else { return SnippetOrigin(source: 0, line: line) }
    return origins[min(max(line, 1), origins.count) - 1]
  }
}

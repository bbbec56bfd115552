/// The work of one `SnippetExpander.expand` call: the lines written so far with their origins,
/// the files on the current include path (to stop loops) and the problems met.
struct SnippetExpansionState {
  /// A line to expand and where it came from.
  struct SourceLine {
    var text: Substring
    var origin: SnippetOrigin
  }

  let settings: SnippetExpander
  let resolve: (String) -> SnippetLookup
  var output: [Substring] = []
  var origins: [SnippetOrigin] = []
  var files: [String] = []
  var problems: [SnippetProblem] = []
  private var sourceIndex: [String: Int] = [:]
  /// The files being expanded, outermost first (the page itself is not among them, as in pymdownx).
  private var includePath: [String] = []
  private var bytes = 0
  private var isFull = false

  init(settings: SnippetExpander, resolve: @escaping (String) -> SnippetLookup) {
    self.settings = settings
    self.resolve = resolve
  }

  /// Expands `lines` (a page or a file's selected lines), writing each with `prefix` in front.
  mutating func expand(_ lines: [SourceLine], prefix: Substring, isSection: Bool, depth: Int) {
    var blockStart: SourceLine?
    var blockIsClosed = true
    for (index, line) in lines.enumerated() {
      if depth > 0, isPastSizeLimit(at: line, prefix: prefix) { return }
      // Every directive and section marker holds `8<`; most lines do not.
      if blockStart == nil, !SnippetDirective.hasMarker(line.text) {
        write(line.text, line, prefix)
        continue
      }
      var path: Substring
      var space: Substring
      switch SnippetDirective.parse(line.text) {
      case .escaped:
        if let semicolon = line.text.firstIndex(of: ";") {
          write(line.text[..<semicolon] + line.text[line.text.index(after: semicolon)...], line, prefix)
        }
        continue
      case .blockMarker:
        if blockStart == nil {
          blockStart = line
          blockIsClosed = lines[(index + 1)...].contains {
            SnippetDirective.hasMarker($0.text) && SnippetDirective.parse($0.text) == .blockMarker
          }
          if !blockIsClosed {
            problem(
              .missing, "this '--8<--' block is never closed, so every line after it is read as a file name",
              at: line, prefix)
          }
        } else {
          blockStart = nil
        }
        continue
      case .inline(let inlineSpace, let inlinePath):
        // pymdownx ignores a one-line directive inside a block.
        if blockStart != nil { continue }
        (space, path) = (inlineSpace, inlinePath)
      case nil:
        if blockStart == nil {
          writeUnlessSectionMarker(line, prefix: prefix, isSection: isSection)
          continue
        }
        space = line.text.prefix { $0 == " " || $0 == "\t" }
        path = line.text.trimmingWhitespace()
        if path.isEmpty {
          write("", line, prefix)
          continue
        }
      }
      if path.hasPrefix(";") { continue }
      include(path, at: line, prefix: prefix, space: space, reportsMissing: blockIsClosed, depth: depth)
    }
  }

  /// Writes `line`, or drops it when it is a section marker (then an escaped one loses a `;`).
  private mutating func writeUnlessSectionMarker(_ line: SourceLine, prefix: Substring, isSection: Bool) {
    guard !isSection, let marker = SnippetSectionMarker.find(in: line.text) else {
      write(line.text, line, prefix)
      return
    }
    if marker.isEscaped { write(Substring(marker.unescaped), line, prefix) }
  }

  private mutating func write(_ text: Substring, _ line: SourceLine, _ prefix: Substring) {
    let written = prefix.isEmpty ? text : prefix + text
    output.append(written)
    bytes += written.utf8.count + 1
    var origin = line.origin
    origin.indent += prefix.count
    origins.append(origin)
  }

  private mutating func problem(
    _ kind: SnippetProblem.Kind, _ message: String, at line: SourceLine, _ prefix: Substring
  ) {
    var origin = line.origin
    origin.indent += prefix.count
    let column = 1 + line.text.prefix { $0 == " " || $0 == "\t" }.count
    problems.append(SnippetProblem(kind: kind, message: message, origin: origin, column: column))
  }

  /// Includes the file `written` names (with its range or section) in place of `line`.
  private mutating func include(
    _ written: Substring, at line: SourceLine, prefix: Substring, space: Substring, reportsMissing: Bool, depth: Int
  ) {
    let path = SnippetPath(written)
    guard !path.file.isEmpty else {
      if reportsMissing { problem(.missing, "the snippet '\(written)' names no file", at: line, prefix) }
      return
    }
    let (id, text): (String, String)
    switch resolve(String(path.file)) {
    case .missing(let reason):
      if reportsMissing { problem(.missing, "the snippet '\(path.file)' is not included: \(reason)", at: line, prefix) }
      return
    case .outsideSite(let reason):
      problem(.outsideSite, "the snippet '\(path.file)' is not included: \(reason)", at: line, prefix)
      return
    case .file(let fileID, let fileText): (id, text) = (fileID, fileText)
    }
    guard allowsNesting(id, depth: depth, at: line, prefix: prefix) else { return }
    let source = sourceNumber(id)
    var lines = Self.lines(of: text).enumerated().map {
      SourceLine(text: $1, origin: SnippetOrigin(source: source, line: $0 + 1, pageLine: line.origin.pageLine))
    }
    if !path.ranges.isEmpty {
      lines = SnippetPath.select(path.ranges, from: lines)
      if settings.dedentsSubsections { lines = Self.dedented(lines) }
    } else if let section = path.section {
      guard let found = Self.section(section, of: lines) else {
        problem(.missing, "the snippet '\(path.file)' has no section '\(section)'", at: line, prefix)
        return
      }
      lines = settings.dedentsSubsections ? Self.dedented(found) : found
    }
    let nestedPrefix = prefix + Self.expandingTabs(space)
    includePath.append(id)
    expand(lines, prefix: Substring(nestedPrefix), isSection: path.section != nil, depth: depth + 1)
    includePath.removeLast()
  }

  /// Whether `id` may be included here: not already on the include path, not too deep, and the
  /// page not past its size limit (each refusal a problem).
  private mutating func allowsNesting(_ id: String, depth: Int, at line: SourceLine, prefix: Substring) -> Bool {
    if includePath.contains(id) {
      let chain = (includePath + [id]).map { "'\($0)'" }.joined(separator: " → ")
      problem(.loop, "the snippet '\(id)' includes itself (\(chain)); it is not included again", at: line, prefix)
      return false
    }
    if depth >= settings.maximumDepth {
      problem(
        .loop, "snippets nest more than \(settings.maximumDepth) files deep; '\(id)' is not included", at: line, prefix)
      return false
    }
    return !isPastSizeLimit(at: line, prefix: prefix)
  }

  /// Whether the page has grown past `maximumBytes`; the first time, a problem at `line`.
  private mutating func isPastSizeLimit(at line: SourceLine, prefix: Substring) -> Bool {
    guard bytes > settings.maximumBytes else { return false }
    if !isFull {
      problem(
        .loop,
        "the page grows past \(settings.maximumBytes >> 20) MiB with its snippets; the snippets from here on "
          + "are not included", at: line, prefix)
      isFull = true
    }
    return true
  }

  private mutating func sourceNumber(_ id: String) -> Int {
    if let known = sourceIndex[id] { return known }
    files.append(id)
    sourceIndex[id] = files.count
    return files.count
  }
}

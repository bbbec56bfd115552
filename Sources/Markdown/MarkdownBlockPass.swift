/// The block pre-pass of the TechDocs extensions: finds admonitions (`!!!`), collapsible blocks
/// (`???`, `???+`), content tabs (`===`), definition lists and abbreviation definitions in the
/// markdown, renders each one's body as nested markdown, and leaves a placeholder line in its place.
///
/// Works line by line in one pass (a body is rendered once, by its own pass), keeps the page's
/// line count (consumed lines become blank) so diagnostics keep their line numbers, and leaves
/// fenced code alone.
struct MarkdownBlockPass {
  let context: MarkdownExtensionContext

  /// A line split into its indentation (in columns) and the rest.
  struct Line {
    let text: Substring
    let indent: Int
    let content: Substring
    var isBlank: Bool { content.isEmpty }

    init(_ text: Substring) {
      self.text = text
      var columns = 0
      var index = text.startIndex
      while index < text.endIndex, text[index] == " " || text[index] == "\t" {
        columns += text[index] == "\t" ? 4 - columns % 4 : 1
        index = text.index(after: index)
      }
      self.indent = columns
      var content = text[index...]
      if content.last == "\r" { content = content.dropLast() }
      self.content = content
    }

    /// The line with `columns` of indentation removed.
    func dedented(by columns: Int) -> Substring {
      if isBlank { return "" }
      let kept = max(0, indent - columns)
      return Substring(String(repeating: " ", count: kept)) + content
    }
  }

  /// Returns `markdown` with the extension blocks replaced by placeholder lines.
  func transform(_ markdown: String, firstLine: Int) -> String {
    let lines = MarkdownLines.split(markdown).map(Line.init)
    var out: [String] = []
    out.reserveCapacity(lines.count)
    var fence: (character: Character, count: Int)?
    var saneLists = SaneListIndenter()
    var listSplitter = SaneListSplitter()
    var index = 0
    while index < lines.count {
      let line = fence == nil ? listSplitter.rewrite(saneLists.reindent(lines[index])) : lines[index]
      if let open = fence {
        if Self.fenceMarker(line).map({ $0.character == open.character && $0.count >= open.count }) == true,
          line.content.drop(while: { $0 == open.character }).allSatisfy(\.isWhitespace)
        {
          fence = nil
        }
        out.append(String(line.text))
        index += 1
        continue
      }
      if let marker = Self.fenceMarker(line) {
        fence = marker
        out.append(String(line.text))
        index += 1
        continue
      }
      let startsBlock = out.last.map { Self.endsBlock($0) } ?? true
      if startsBlock, let consumed = container(lines, at: index, firstLine: firstLine, into: &out) {
        index += consumed
        listSplitter.reset()
        continue
      }
      if startsBlock, let consumed = markdownInHTML(lines, at: index, firstLine: firstLine, into: &out) {
        index += consumed
        listSplitter.reset()
        continue
      }
      if startsBlock, let consumed = inlineGraphviz(lines, at: index, firstLine: firstLine, into: &out) {
        index += consumed
        listSplitter.reset()
        continue
      }
      if line.indent < 4, Self.abbreviation(line.content) != nil {
        out.append("")
        index += 1
        continue
      }
      if line.indent < 4, let consumed = definitionList(lines, at: index, firstLine: firstLine, into: &out) {
        index += consumed
        listSplitter.reset()
        continue
      }
      if line.indent < 4, line.content.hasPrefix(">") { Self.joinQuote(at: line, into: &out) }
      out.append(String(line.text))
      index += 1
    }
    return out.joined(separator: "\n")
  }

  /// Python-Markdown continues a block quote across blank lines (`> a`, blank, `> b` is one quote
  /// of two paragraphs); CommonMark starts another. So the blank lines between two quote lines of
  /// one indentation become empty quote lines.
  static func joinQuote(at line: Line, into out: inout [String]) {
    var blank = out.count
    while blank > 0, Line(Substring(out[blank - 1])).isBlank { blank -= 1 }
    guard blank < out.count, blank > 0 else { return }
    let previous = Line(Substring(out[blank - 1]))
    guard previous.indent == line.indent, previous.content.hasPrefix(">") else { return }
    let quoteLine = String(repeating: " ", count: line.indent) + ">"
    for index in blank..<out.count { out[index] = quoteLine }
  }

  /// Material's two-space nesting (`mdx_truly_sane_lists`) under ordered items: CommonMark nests
  /// below `1. ` only from the item's content column (three spaces), so lines indented two or more
  /// spaces below an ordered item are moved right by the marker's extra width.
  struct SaneListIndenter {
    private var list: (indent: Int, extra: Int)?

    mutating func reindent(_ line: Line) -> Line {
      guard !line.isBlank else { return line }
      let digits = line.content.prefix { $0.isASCII && $0.isNumber }
      let rest = line.content.dropFirst(digits.count)
      if !digits.isEmpty, digits.count < 10, rest.hasPrefix(". ") || rest.hasPrefix(") "),
        list == nil || line.indent <= list?.indent ?? 0
      {
        list = (line.indent, digits.count)
        return line
      }
      guard let open = list else { return line }
      if line.indent <= open.indent {
        list = nil
        return line
      }
      guard line.indent >= open.indent + 2, open.extra > 0 else { return line }
      return Line(Substring(String(repeating: " ", count: line.indent + open.extra)) + line.content)
    }
  }

  /// Whether a block may start after this output line (blank, a heading or a placeholder).
  static func endsBlock(_ line: String) -> Bool {
    let content = line.drop { $0 == " " }
    return content.isEmpty || content == "\r" || content.hasPrefix("#")
      || content.unicodeScalars.first == MarkdownPlaceholders.open
  }

  /// Tries an admonition, a collapsible block or a tab set at `index`; returns the lines consumed.
  private func container(_ lines: [Line], at index: Int, firstLine: Int, into out: inout [String]) -> Int? {
    let line = lines[index]
    let html: String
    let consumed: Int
    if let header = AdmonitionHeader.parse(line.content) {
      let body = Self.indentedBody(lines, from: index + 1, minimumIndent: line.indent + 4)
      consumed = 1 + body.count
      let text = body.map { String($0.dedented(by: line.indent + 4)) }.joined(separator: "\n")
      html = admonitionHTML(header, body: context.renderNested(text, firstLine + index + 1))
    } else if TabHeader.parse(line.content) != nil {
      (html, consumed) = tabSet(lines, at: index, firstLine: firstLine)
    } else {
      return nil
    }
    let marker = context.placeholders.marker(for: html, wrapper: (open: "<p>", close: "</p>"))
    out.append(String(repeating: " ", count: line.indent) + marker)
    // Keep the line count; the blank after the placeholder ends its paragraph.
    out += Array(repeating: "", count: max(consumed - 1, 0))
    if consumed == 1, index + 1 < lines.count, !lines[index + 1].isBlank { out.append("") }
    return consumed
  }

  /// A `{% dot name.svg … %}` block (markdown_inline_graphviz): the diagram, or its source as a
  /// code block when it cannot be rendered. Returns the lines consumed.
  private func inlineGraphviz(_ lines: [Line], at index: Int, firstLine: Int, into out: inout [String]) -> Int? {
    let line = lines[index]
    guard line.content.hasPrefix("{% ") else { return nil }
    let engine = String(line.content.dropFirst(3).prefix { $0 != " " })
    guard MarkdownDiagram.graphvizEngines.contains(engine) else { return nil }
    var end = index + 1
    while end < lines.count, !lines[end].content.hasSuffix("%}") { end += 1 }
    guard end < lines.count else { return nil }
    var source = lines[(index + 1)..<end].map { String($0.dedented(by: line.indent)) }
    let last = lines[end].content.dropLast(2).trimmingWhitespace()
    if !last.isEmpty { source.append(String(last)) }
    let code = source.joined(separator: "\n") + "\n"
    let diagram = MarkdownDiagram(language: "dot", engine: engine, source: code, line: firstLine + index)
    var options = FenceOptions()
    options.language = "dot"
    let html = context.diagramHTML(diagram) ?? CodeBlockRenderer(highlightsCode: false).html(code, options: options)
    let marker = context.placeholders.marker(for: html, wrapper: (open: "<p>", close: "</p>"))
    out.append(String(repeating: " ", count: line.indent) + marker)
    out += Array(repeating: "", count: end - index)
    return end - index + 1
  }

  /// The lines after a header that belong to its body: blank or indented by `minimumIndent`,
  /// without the blank lines that end it.
  static func indentedBody(_ lines: [Line], from start: Int, minimumIndent: Int) -> ArraySlice<Line> {
    var end = start
    var lastContent = start
    while end < lines.count, lines[end].isBlank || lines[end].indent >= minimumIndent {
      if !lines[end].isBlank { lastContent = end + 1 }
      end += 1
    }
    return lines[start..<lastContent]
  }

  func admonitionHTML(_ header: AdmonitionHeader, body: String) -> String {
    let classes = AttributeList.escape(header.classes.joined(separator: " "))
    let title = header.title.map { inlineHTML($0) } ?? AttributeList.escape(header.defaultTitle)
    let content = body.isEmpty || body.hasSuffix("\n") ? body : body + "\n"
    switch header.kind {
    case .admonition:
      let heading = title.isEmpty ? "" : "<p class=\"admonition-title\">\(title)</p>\n"
      return "<div class=\"admonition \(classes)\">\n\(heading)\(content)</div>"
    case .details(let open):
      let openAttribute = open ? " open=\"open\"" : ""
      let classAttribute = classes.isEmpty ? "" : " class=\"\(classes)\""
      return "<details\(classAttribute)\(openAttribute)>\n<summary>\(title)</summary>\n\(content)</details>"
    }
  }

  /// A one-line markdown text rendered inline (its paragraph wrapper removed).
  func inlineHTML(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    var html = context.renderNested(Self.inlineOnly(text.replacingOccurrences(of: "\n", with: " ")), 0)
    while html.last == "\n" { html.removeLast() }
    if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
    return html
  }

  /// `text` with the character that would start a block (`# `, `> `, `- `, `1. `, …) escaped, so
  /// a title reads as text, as Python-Markdown reads it (the escaped characters are ones it
  /// escapes too, so no backslash shows).
  static func inlineOnly(_ text: String) -> String {
    let content = text.drop { $0 == " " }
    let endsMarker = { (rest: Substring) in rest.isEmpty || rest.first == " " || rest.first == "\t" }
    let digits = content.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count < 10, let marker = content.dropFirst(digits.count).first,
      marker == "." || marker == ")", endsMarker(content.dropFirst(digits.count + 1))
    {
      let at = content.index(content.startIndex, offsetBy: digits.count)
      return String(text[..<at]) + "\\" + String(text[at...])
    }
    let hashes = content.prefix { $0 == "#" }.count
    let startsBlock =
      content.first == ">" || (hashes > 0 && hashes <= 6 && endsMarker(content.dropFirst(hashes)))
      || (content.first.map { "-+*".contains($0) } == true
        && (endsMarker(content.dropFirst()) || SaneListSplitter.isThematicBreak(content)))
    return startsBlock ? String(text[..<content.startIndex]) + "\\" + String(content) : text
  }

  /// The opening fence of a fenced code block (three or more backticks or tildes).
  static func fenceMarker(_ line: Line) -> (character: Character, count: Int)? {
    guard let first = line.content.first, first == "`" || first == "~" else { return nil }
    let count = line.content.prefix { $0 == first }.count
    guard count >= 3 else { return nil }
    if first == "`", line.content.dropFirst(count).contains("`") { return nil }
    return (first, count)
  }

  /// The abbreviation and its expansion of a `*[ABBR]: expansion` line.
  static func abbreviation(_ content: Substring) -> (String, String)? {
    guard content.hasPrefix("*["), let close = content.firstIndex(of: "]") else { return nil }
    let name = content[content.index(content.startIndex, offsetBy: 2)..<close]
    let rest = content[content.index(after: close)...]
    guard !name.isEmpty, rest.hasPrefix(":") else { return nil }
    return (String(name), String(rest.dropFirst().trimmingWhitespace()))
  }

  /// The abbreviations defined anywhere in `markdown` outside fenced code.
  /// Whether `markdown` holds `*[` anywhere, read by bytes (Foundation's substring search is far
  /// slower, and every page asks).
  private static func containsAbbreviationMarker(_ markdown: String) -> Bool {
    var afterStar = false
    for byte in markdown.utf8 {
      if afterStar, byte == UInt8(ascii: "[") { return true }
      afterStar = byte == UInt8(ascii: "*")
    }
    return false
  }

  static func abbreviations(in markdown: String) -> [String: String] {
    guard Self.containsAbbreviationMarker(markdown) else { return [:] }
    var found: [String: String] = [:]
    var fence: (character: Character, count: Int)?
    for text in MarkdownLines.split(markdown) {
      let line = Line(text)
      if let open = fence {
        if let close = fenceMarker(line), close.character == open.character, close.count >= open.count { fence = nil }
        continue
      }
      if let marker = fenceMarker(line) {
        fence = marker
      } else if line.indent < 4, let (name, expansion) = abbreviation(line.content) {
        found[name] = expansion
      }
    }
    return found
  }
}

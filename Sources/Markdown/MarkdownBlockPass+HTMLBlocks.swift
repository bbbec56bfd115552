extension MarkdownBlockPass {
  /// Elements of one name open at once beyond which an element is left as raw HTML: bounds the
  /// search for its end, so a page of unclosed tags stays linear.
  static let maxHTMLNesting = 32

  /// A raw HTML element with a `markdown` attribute (`md_in_html`) starting at `index`: its
  /// content rendered as markdown (blocks, or one inline run for `markdown="span"` and span-level
  /// elements), nested elements of the same name matched. The element itself is raw HTML and
  /// follows the raw-HTML policy: omitted like any other unless raw HTML is allowed (its content
  /// then rendered as blocks), else written without `markdown` and with only safe attributes.
  /// Returns the lines consumed.
  func markdownInHTML(_ lines: [Line], at index: Int, firstLine: Int, into out: inout [String]) -> Int? {
    let line = lines[index]
    guard line.indent < 4, let tag = MarkdownHTMLTag.parse(line.content) else { return nil }
    var depth = 1
    var body: [Substring] = []
    var end = index
    var text = tag.rest
    while true {
      if let close = tag.balance(text, depth: &depth) {
        let after = text[close...].dropFirst(tag.name.count + 3)
        guard after.allSatisfy(\.isWhitespace) else { return nil }
        body.append(text[..<close])
        break
      }
      body.append(text)
      end += 1
      guard end < lines.count, depth <= Self.maxHTMLNesting else { return nil }
      text = Substring(lines[end].dedented(by: line.indent))
    }
    let startsOnNextLine = body.first?.allSatisfy(\.isWhitespace) == true
    if startsOnNextLine { body.removeFirst() }
    let source = body.map(String.init).joined(separator: "\n")
    var inner = context.renderNested(source, firstLine + index + (startsOnNextLine ? 1 : 0))
    let isSpan = tag.isSpan && context.allowsRawHTML
    if isSpan { inner = Self.unwrappingParagraph(inner) }
    let omitted = "<!-- raw HTML omitted -->"
    let (open, close) = context.allowsRawHTML ? (tag.openingHTML, "</\(tag.name)>") : (omitted, omitted)
    let html = isSpan ? open + inner + close : open + "\n" + inner + (inner.hasSuffix("\n") ? "" : "\n") + close
    let marker = context.placeholders.marker(for: html, wrapper: (open: "<p>", close: "</p>"))
    out.append(String(repeating: " ", count: line.indent) + marker)
    out += Array(repeating: "", count: end - index)
    if end == index, index + 1 < lines.count, !lines[index + 1].isBlank { out.append("") }
    return end - index + 1
  }

  /// The HTML of one paragraph without its `<p>` wrapper (other HTML as it is, trailing newlines
  /// removed).
  static func unwrappingParagraph(_ html: String) -> String {
    var html = html
    while html.last == "\n" { html.removeLast() }
    if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
      html = String(html.dropFirst(3).dropLast(4))
    }
    return html
  }
}

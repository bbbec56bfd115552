/// The opening tag of a raw HTML block that asks for markdown inside it (Python-Markdown's
/// `md_in_html`): `<div markdown>`, `markdown="1"`, `markdown="block"` or `markdown="span"`.
///
/// Only block-level elements count; `pre`, `script`, `style` and the like never take markdown.
struct MarkdownHTMLTag {
  /// The element name, lower-cased.
  let name: String
  /// The attributes other than `markdown`, in order; nil values were written without `=`.
  let attributes: [(name: String, value: String?)]
  /// Whether the content is parsed as one inline run (`markdown="span"`, or a span-level element).
  let isSpan: Bool
  /// The text after the tag's `>` on its line.
  let rest: Substring

  /// Block elements whose content Python-Markdown parses as blocks by default.
  static let blockTags: Set<String> = [
    "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "main", "nav", "ol", "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
  ]
  /// Block elements whose content Python-Markdown parses as one inline run by default.
  static let spanTags: Set<String> = [
    "address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary", "td", "th",
  ]

  /// Parses the start of `content`; nil unless it is an opening tag of a block element carrying a
  /// `markdown` attribute.
  static func parse(_ content: Substring) -> MarkdownHTMLTag? {
    guard content.hasPrefix("<") else { return nil }
    var cursor = content.dropFirst()
    let name = cursor.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
    guard blockTags.contains(name) || spanTags.contains(name) else { return nil }
    cursor = cursor.dropFirst(name.count)
    guard let next = cursor.first, next == ">" || next == " " || next == "\t" else { return nil }
    var attributes: [(name: String, value: String?)] = []
    var mode: String?
    while true {
      cursor = cursor.drop { $0 == " " || $0 == "\t" }
      if cursor.first == ">" { break }
      guard let (attribute, value, after) = attribute(cursor) else { return nil }
      cursor = after
      if attribute == "markdown" { mode = (value ?? "1").lowercased() } else { attributes.append((attribute, value)) }
    }
    guard let mode, mode != "0" else { return nil }
    let isSpan = mode == "span" || (mode != "block" && spanTags.contains(name))
    return MarkdownHTMLTag(name: name, attributes: attributes, isSpan: isSpan, rest: cursor.dropFirst())
  }

  /// One `name`, `name=value`, `name="value"` or `name='value'` and the text after it.
  private static func attribute(_ text: Substring) -> (String, String?, Substring)? {
    let name = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_:-.".contains($0)) }
    guard !name.isEmpty else { return nil }
    var cursor = text.dropFirst(name.count)
    guard cursor.first == "=" else { return (name.lowercased(), nil, cursor) }
    cursor = cursor.dropFirst()
    if let quote = cursor.first, quote == "\"" || quote == "'" {
      let body = cursor.dropFirst()
      guard let close = body.firstIndex(of: quote) else { return nil }
      return (name.lowercased(), String(body[..<close]), body[body.index(after: close)...])
    }
    let value = cursor.prefix { !" \t>\"'=<`".contains($0) }
    guard !value.isEmpty else { return nil }
    return (name.lowercased(), String(value), cursor.dropFirst(value.count))
  }

  /// The opening tag without `markdown`, keeping only the attributes `AttributeList` deems safe.
  var openingHTML: String {
    var html = "<\(name)"
    for (attribute, value) in attributes where AttributeList.isSafe(name: attribute, value: value ?? "") {
      html += value.map { " \(attribute)=\"\(AttributeList.escape($0))\"" } ?? " \(attribute)"
    }
    return html + ">"
  }

  /// The number of this element's opening tags minus its closing tags in `text`, and the offset
  /// just before the closing tag that brings `depth` to zero, if one does.
  func balance(_ text: Substring, depth: inout Int) -> String.Index? {
    var index = text.startIndex
    while let open = text[index...].firstIndex(of: "<") {
      let after = text[text.index(after: open)...]
      if after.hasPrefix("/"), after.dropFirst().prefix(name.count + 1).lowercased() == name + ">" {
        depth -= 1
        if depth == 0 { return open }
      } else if after.prefix(name.count).lowercased() == name,
        let next = after.dropFirst(name.count).first, next == ">" || next == " " || next == "\t"
      {
        depth += 1
      }
      index = text.index(after: open)
    }
    return nil
  }
}

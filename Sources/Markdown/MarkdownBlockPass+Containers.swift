extension MarkdownBlockPass {
  /// A run of `=== "Label"` blocks at one indentation, rendered as Material's alternate-style tab
  /// set: radio inputs and labels, so switching tabs needs no script. Returns the HTML and the
  /// lines consumed.
  func tabSet(_ lines: [Line], at start: Int, firstLine: Int) -> (String, Int) {
    let indent = lines[start].indent
    var tabs: [(header: TabHeader, body: String)] = []
    var index = start
    while index < lines.count, lines[index].indent == indent, let header = TabHeader.parse(lines[index].content),
      tabs.isEmpty || !header.startsNewSet
    {
      let body = Self.indentedBody(lines, from: index + 1, minimumIndent: indent + 4)
      let text = body.map { String($0.dedented(by: indent + 4)) }.joined(separator: "\n")
      tabs.append((header, context.renderNested(text, firstLine + index + 1)))
      index += 1 + body.count
      var next = index
      while next < lines.count, lines[next].isBlank { next += 1 }
      guard next < lines.count, lines[next].indent == indent, TabHeader.parse(lines[next].content) != nil else { break }
      index = next
    }
    context.tabSets += 1
    let set = context.tabSets
    let selected = tabs.lastIndex { $0.header.selected } ?? 0
    // role=radiogroup names the inputs' group for assistive technology (axe: radiogroup).
    var html =
      "<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"\(set):\(tabs.count)\""
      + " role=\"radiogroup\" aria-label=\"Tabs\">"
    for number in tabs.indices {
      let checked = number == selected ? "checked=\"checked\" " : ""
      html += "<input \(checked)id=\"__tabbed_\(set)_\(number + 1)\" name=\"__tabbed_\(set)\" type=\"radio\" />"
    }
    html += "<div class=\"tabbed-labels\">"
    for (number, tab) in tabs.enumerated() {
      html += "<label for=\"__tabbed_\(set)_\(number + 1)\">\(inlineHTML(tab.header.label))</label>"
    }
    html += "</div>\n<div class=\"tabbed-content\">\n"
    for tab in tabs {
      let body = tab.body.isEmpty || tab.body.hasSuffix("\n") ? tab.body : tab.body + "\n"
      html += "<div class=\"tabbed-block\">\n\(body)</div>\n"
    }
    html += "</div>\n</div>"
    return (html, index - start)
  }

  /// A definition list whose terms are the paragraph lines just written to `out` and whose first
  /// definition (`:   text`) starts at `index`. Returns the lines consumed, or nil when the line
  /// does not start a definition.
  func definitionList(_ lines: [Line], at index: Int, firstLine: Int, into out: inout [String]) -> Int? {
    let content = lines[index].content
    guard content.hasPrefix(":"), let space = content.dropFirst().first, space == " " || space == "\t" else {
      return nil
    }
    var termEnd = out.count
    let loose = out.last?.allSatisfy(\.isWhitespace) == true
    if loose { termEnd -= 1 }
    var termStart = termEnd
    while termStart > 0, !out[termStart - 1].allSatisfy(\.isWhitespace) { termStart -= 1 }
    guard termStart < termEnd else { return nil }
    let terms = out[termStart..<termEnd]
    guard terms.allSatisfy({ Self.isTermLine(Line(Substring($0))) }) else { return nil }
    var definitions: [String] = []
    var cursor = index
    while cursor < lines.count, lines[cursor].indent < 4, lines[cursor].content.hasPrefix(":") {
      let first = lines[cursor].content.dropFirst().trimmingWhitespace()
      var body = [String(first)]
      var next = cursor + 1
      while next < lines.count {
        let line = lines[next]
        if line.isBlank {
          var after = next
          while after < lines.count, lines[after].isBlank { after += 1 }
          guard after < lines.count, lines[after].indent >= 4 else { break }
          body += Array(repeating: "", count: after - next)
          next = after
        } else if line.indent >= 4 || !line.content.hasPrefix(":") {
          body.append(String(line.dedented(by: 4)))
          next += 1
        } else {
          break
        }
      }
      definitions.append(context.renderNested(body.joined(separator: "\n"), firstLine + cursor))
      cursor = next
      var after = cursor
      while after < lines.count, lines[after].isBlank { after += 1 }
      guard after < lines.count, lines[after].indent < 4, lines[after].content.hasPrefix(":") else { break }
      cursor = after
    }
    var items = ""
    for term in terms { items += "<dt>\(inlineHTML(term.trimmingCharacters()))</dt>\n" }
    for definition in definitions {
      var body = definition
      while body.last == "\n" { body.removeLast() }
      let single = body.hasPrefix("<p>") && body.hasSuffix("</p>") && body.components(separatedBy: "<p>").count == 2
      if !loose, single {
        body = String(body.dropFirst(3).dropLast(4))
      } else if !loose, body.hasPrefix("<p>"), let close = body.range(of: "</p>") {
        // Python-Markdown leaves a tight definition's first paragraph bare, as in a tight list item.
        body =
          "\n" + String(body[body.index(body.startIndex, offsetBy: 3)..<close.lowerBound])
          + String(body[close.upperBound...]) + "\n"
      } else {
        body = "\n" + body + "\n"
      }
      items += "<dd>\(body)</dd>\n"
    }
    let removed = out.count - termStart
    out.removeLast(removed)
    var back = termStart - 1
    while back >= 0, out[back].allSatisfy(\.isWhitespace) { back -= 1 }
    if back >= 0, back < termStart - 1, let entry = MarkdownPlaceholders.markerIndex(out[back]),
      let previous = context.definitionLists[entry]
    {
      context.definitionLists[entry] = previous + items
      context.placeholders.replace(entry, with: "<dl>\n\(previous + items)</dl>")
      out += Array(repeating: "", count: removed + cursor - index)
      return cursor - index
    }
    let marker = context.placeholders.marker(for: "<dl>\n\(items)</dl>", wrapper: (open: "<p>", close: "</p>"))
    if let entry = MarkdownPlaceholders.markerIndex(marker) { context.definitionLists[entry] = items }
    out.append(marker)
    out += Array(repeating: "", count: removed - 1 + cursor - index)
    return cursor - index
  }

  /// Whether a line can be a definition term (a plain paragraph line).
  static func isTermLine(_ line: Line) -> Bool {
    guard line.indent < 4, let first = line.content.first else { return false }
    if "#>|`~".contains(first) || first.unicodeScalars.first == MarkdownPlaceholders.open { return false }
    if "-*+".contains(first), line.content.dropFirst().first == " " { return false }
    if first.isNumber, line.content.prefix(while: \.isNumber).count < line.content.count {
      let after = line.content.drop(while: \.isNumber)
      if after.hasPrefix(". ") || after.hasPrefix(") ") { return false }
    }
    return true
  }
}

extension String {
  func trimmingCharacters() -> String { String(Substring(self).trimmingWhitespace()) }
}

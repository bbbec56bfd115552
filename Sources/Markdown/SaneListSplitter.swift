/// `mdx_truly_sane_lists`' rule that a blank line ends a bullet list: the next bullet item starts
/// another list, tight like the first (Python-Markdown joins lists across a blank line only when
/// they are ordered). CommonMark joins them into one loose list instead, so each list after such a
/// split has its items written with another bullet character, which CommonMark reads as a new list;
/// and, as in Python-Markdown, `-`, `*` and `+` items with no blank line between stay one list.
struct SaneListSplitter {
  /// The bullet lists open at each line, outermost first: their items' indentation and the bullet
  /// their items are written with.
  private var lists: [(indent: Int, bullet: Character)] = []
  private var afterBlank = false

  /// The line, its bullet rewritten when it continues or splits an open list.
  mutating func rewrite(_ line: MarkdownBlockPass.Line) -> MarkdownBlockPass.Line {
    if line.isBlank {
      afterBlank = true
      return line
    }
    defer { afterBlank = false }
    let item = Self.listItem(line.content)
    if item != nil || afterBlank {
      // An item closes the deeper lists; text after a blank line closes those it is not inside.
      while let last = lists.last, item == nil ? line.indent <= last.indent : line.indent < last.indent {
        lists.removeLast()
      }
    }
    guard let bullet = item.flatMap({ $0 }) else {
      if item != nil { lists.removeAll { $0.indent >= line.indent } }
      return line
    }
    guard let last = lists.last, last.indent == line.indent else {
      // Four columns of indentation outside a list is code, not a list.
      if line.indent < 4 || !lists.isEmpty { lists.append((line.indent, bullet)) }
      return line
    }
    var written = last.bullet
    if afterBlank {
      written = written == "-" ? "*" : "-"
      lists[lists.count - 1].bullet = written
    }
    guard written != bullet else { return line }
    let rewritten = Substring(String(repeating: " ", count: line.indent) + String(written) + line.content.dropFirst())
    let result = MarkdownBlockPass.Line(rewritten)
    return Self.isThematicBreak(result.content) ? line : result
  }

  /// Forgets the open lists (a block the pass replaced ends them).
  mutating func reset() {
    lists.removeAll()
    afterBlank = false
  }

  /// nil when the line is no list item; `.some(nil)` for an ordered item; the bullet for a bullet
  /// item (`-`, `*` or `+` followed by a space or the end of the line, and no thematic break).
  static func listItem(_ content: Substring) -> Character?? {
    guard let first = content.first else { return nil }
    if first == "-" || first == "*" || first == "+" {
      let rest = content.dropFirst()
      guard rest.isEmpty || rest.first == " " || rest.first == "\t", !isThematicBreak(content) else { return nil }
      return .some(first)
    }
    let digits = content.prefix { $0.isASCII && $0.isNumber }
    let rest = content.dropFirst(digits.count)
    guard !digits.isEmpty, digits.count < 10, rest.first == "." || rest.first == ")" else { return nil }
    let after = rest.dropFirst()
    return after.isEmpty || after.first == " " || after.first == "\t" ? .some(nil) : nil
  }

  /// Three or more of one of `-`, `*`, `_` and nothing else but spaces.
  static func isThematicBreak(_ content: Substring) -> Bool {
    guard let first = content.first, first == "-" || first == "*" || first == "_" else { return false }
    var count = 0
    for character in content {
      if character == first {
        count += 1
      } else if character != " " && character != "\t" {
        return false
      }
    }
    return count >= 3
  }
}

/// GitHub's alerts (`> [!NOTE]` + `>` lines) and GitLab's multi-line form (`>>> [!tip] Title` …
/// `>>>`) turned into admonitions, as techdocs-core's `mkdocs-github-admonitions-plugin` (0.1.1)
/// does to each page's markdown before the extensions read it: `caution` becomes `danger`,
/// `important` becomes `warning`, the title is GitLab's override or the type, and alerts inside a
/// column-0 backtick fence are left alone. Snippets are expanded after it, so alerts inside them
/// stay quotes, as in mkdocs.
///
/// The page keeps its line count (a shorter result is padded with blank lines), so diagnostics
/// keep their lines.
public enum GitHubAlertConverter {
  static let types: [String: String] = [
    "note": "note", "tip": "tip", "important": "warning", "caution": "danger", "warning": "warning",
  ]

  /// `markdown` with its alerts as `!!!` admonitions.
  public static func convert(_ markdown: String) -> String {
    var previous: UInt8 = 0
    guard
      markdown.utf8.contains(where: { byte in
        defer { previous = byte }
        return byte == UInt8(ascii: "!") && previous == UInt8(ascii: "[")
      })
    else { return markdown }
    var lines = MarkdownLines.split(markdown).map(String.init)
    lines = convertBasic(lines)
    lines = convertMultiline(lines)
    return lines.joined(separator: "\n")
  }

  /// The alert type and title of a header line after its `>` or `>>>` marker, or nil.
  static func header(_ line: String, marker: String) -> (type: String, title: String)? {
    guard line.hasPrefix(marker) else { return nil }
    var rest = Substring(line).dropFirst(marker.count)
    let spaces = rest.prefix { $0 == " " }
    guard spaces.count <= 3 else { return nil }
    rest = rest.dropFirst(spaces.count)
    guard rest.hasPrefix("[!"), let close = rest.firstIndex(of: "]") else { return nil }
    let written = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
    guard let type = types[written.lowercased()] else { return nil }
    let title = rest[rest.index(after: close)...].trimmingWhitespace()
    return (type, title.isEmpty ? written.prefix(1).uppercased() + written.dropFirst().lowercased() : String(title))
  }

  /// Index ranges of the lines inside column-0 backtick fences (each fence line pairs with the next).
  static func fencedRanges(_ lines: [String]) -> [ClosedRange<Int>] {
    let fences = lines.indices.filter { lines[$0].hasPrefix("```") }
    return stride(from: 0, to: fences.count - 1, by: 2).map { fences[$0]...fences[$0 + 1] }
  }

  static func isFenced(_ first: Int, _ last: Int, in ranges: [ClosedRange<Int>]) -> Bool {
    ranges.contains { $0.lowerBound < first && last < $0.upperBound }
  }

  private static func convertBasic(_ lines: [String]) -> [String] {
    let fenced = fencedRanges(lines)
    var out: [String] = []
    var index = 0
    while index < lines.count {
      // A body line is a whole line starting with `>` (the text's last line has no line break).
      var end = index + 1
      while end < lines.count - 1, lines[end].hasPrefix(">") { end += 1 }
      guard let (type, title) = header(lines[index], marker: ">"), end > index + 1,
        !isFenced(index, end - 1, in: fenced)
      else {
        out.append(lines[index])
        index += 1
        continue
      }
      let body = strippedBody(lines[(index + 1)..<end]).map { line in
        "    " + (line.hasPrefix("> ") ? line.dropFirst(2) : line.dropFirst())
      }
      out += admonition(type, title, body, replacing: end - index)
      index = end
    }
    return out
  }

  private static func convertMultiline(_ lines: [String]) -> [String] {
    let fenced = fencedRanges(lines)
    var out: [String] = []
    var index = 0
    while index < lines.count {
      guard let (type, title) = header(lines[index], marker: ">>>"),
        let close = lines.indices.last(where: { $0 >= index + 2 && lines[$0].hasPrefix(">>>") }),
        !isFenced(index, close, in: fenced)
      else {
        out.append(lines[index])
        index += 1
        continue
      }
      let body = strippedBody(lines[(index + 1)..<close]).map { "    " + $0 }
      out += admonition(type, title, body, replacing: close - index)
      // What follows the closing `>>>` stays, on a line of its own.
      out.append(String(lines[close].dropFirst(3)))
      index = close + 1
    }
    return out
  }

  /// The body without leading and trailing blank lines, and without the last line's trailing blanks.
  static func strippedBody(_ lines: ArraySlice<String>) -> [String] {
    var body = Array(lines)
    while let first = body.first, first.allSatisfy(\.isWhitespace) { body.removeFirst() }
    while let last = body.last, last.allSatisfy(\.isWhitespace) { body.removeLast() }
    if let last = body.last { body[body.count - 1] = String(last.reversed().drop(while: \.isWhitespace).reversed()) }
    return body
  }

  /// The admonition lines, padded with blank lines to the `count` lines they replace.
  static func admonition(_ type: String, _ title: String, _ body: [String], replacing count: Int) -> [String] {
    let lines = ["!!! \(type) \"\(title)\""] + body
    return lines + Array(repeating: "", count: max(0, count - lines.count))
  }
}

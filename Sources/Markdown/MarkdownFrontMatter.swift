/// Splits YAML front matter (`---` … `---` at the very top) from a markdown text.
///
/// The front matter's lines are blanked rather than removed from the body, so line and column
/// numbers cmark-gfm reports for the body still match the file; leading blank lines do not
/// change how markdown renders.
public struct MarkdownFrontMatter: Sendable, Hashable {
  /// The YAML text between the fences, or nil when the text has no front matter.
  public var yaml: String?
  /// The 1-based line the YAML text starts on (the line after the opening fence).
  public var yamlLine: Int
  /// The markdown to render: the whole text, with the front matter's lines left empty.
  public var body: String

  /// Splits `text`; an opening fence without a closing one is not front matter.
  public init(splitting text: String) {
    yamlLine = 2
    body = text
    yaml = nil
    guard text.hasPrefix("---") else { return }
    // Lines are split off one at a time up to the closing fence, so a page's body is not broken
    // into characters. "\r\n" is one Character in Swift, so both line endings are separators.
    var lines: [Substring] = []
    var remainder = Substring(text)
    while true {
      let end = remainder.firstIndex { $0 == "\n" || $0 == "\r\n" }
      let line = end.map { remainder[..<$0] } ?? remainder
      let next = end.map { remainder[remainder.index(after: $0)...] }
      lines.append(line)
      if lines.count == 1 {
        guard Self.isFence(line, allowingDots: false) else { return }
      } else if Self.isFence(line, allowingDots: true) {
        let closing = lines.count - 1
        yaml = lines[1..<closing].joined(separator: "\n") + "\n"
        // The fences and the YAML become empty lines; the rest keeps its lines, ending in "\n".
        body = String(repeating: "\n", count: closing) + (next.map { "\n" + Self.withNewlines($0) } ?? "")
        return
      }
      guard let next else { return }
      remainder = next
    }
  }

  /// `text` with each "\r\n" made "\n" (a lone "\r" stays).
  private static func withNewlines(_ text: Substring) -> String {
    guard text.utf8.contains(UInt8(ascii: "\r")) else { return String(text) }
    return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).joined(
      separator: "\n")
  }

  /// `---` (or `...` to close), optionally followed by spaces.
  private static func isFence(_ line: Substring, allowingDots: Bool) -> Bool {
    var trimmed = line
    while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
    return trimmed == "---" || (allowingDots && trimmed == "...")
  }
}

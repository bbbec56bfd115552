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
    // "\r\n" is one Character in Swift, so both line endings are separators.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    guard let first = lines.first, Self.isFence(first, allowingDots: false) else { return }
    guard let closing = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0], allowingDots: true) }) else {
      return
    }
    yaml = lines[1..<closing].joined(separator: "\n") + "\n"
    for index in 0...closing { lines[index] = "" }
    body = lines.joined(separator: "\n")
  }

  /// `---` (or `...` to close), optionally followed by spaces.
  private static func isFence(_ line: Substring, allowingDots: Bool) -> Bool {
    var trimmed = line
    while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
    return trimmed == "---" || (allowingDots && trimmed == "...")
  }
}

/// A heading, with its plain text and its unique anchor.
public struct MarkdownHeading: Sendable, Hashable {
  /// 1 to 6.
  public var level: Int
  /// The heading's text without markup.
  public var text: String
  /// A GitHub-style anchor, unique within the text (`install`, `install-1`, …).
  public var anchor: String
  /// The 1-based source line.
  public var line: Int

  /// Creates a heading.
  public init(level: Int, text: String, anchor: String, line: Int) {
    self.level = level
    self.text = text
    self.anchor = anchor
    self.line = line
  }
}

/// A heading, with its plain text and its unique anchor.
public struct MarkdownHeading: Sendable, Hashable {
  /// 1 to 6.
  public var level: Int
  /// The heading's text without markup.
  public var text: String
  /// The anchor, unique within the text, in the renderer's `HeadingIDStyle` (`install-1` GitHub
  /// style, `install_1` mkdocs style).
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

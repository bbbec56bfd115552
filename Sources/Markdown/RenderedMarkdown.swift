/// The HTML of a markdown text and what was found in it.
public struct RenderedMarkdown: Sendable, Hashable {
  /// The HTML body, with `id`s on headings.
  public var html: String
  /// Every heading, in document order.
  public var headings: [MarkdownHeading]
  /// Every link and image destination, as written, in document order.
  public var links: [MarkdownLink]
  /// How many words the prose holds (text and inline code; code blocks and markup excluded).
  public var words: Int

  /// Creates a result.
  public init(html: String, headings: [MarkdownHeading], links: [MarkdownLink], words: Int = 0) {
    self.html = html
    self.headings = headings
    self.links = links
    self.words = words
  }
}

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

/// A link or image destination as written in the source.
public struct MarkdownLink: Sendable, Hashable {
  /// The destination as written.
  public var destination: String
  /// Whether it is an image.
  public var isImage: Bool
  /// The 1-based source line.
  public var line: Int
  /// The 1-based source column.
  public var column: Int

  /// Creates a link.
  public init(destination: String, isImage: Bool, line: Int, column: Int) {
    self.destination = destination
    self.isImage = isImage
    self.line = line
    self.column = column
  }
}

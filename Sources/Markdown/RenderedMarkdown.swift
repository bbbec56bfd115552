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
  /// Diagrams left as code blocks: no renderer, or the tool failed or is missing.
  public var unrenderedDiagrams: [MarkdownDiagram] = []
  /// Diagrams drawn, in page order, each with the SVG it was drawn as.
  public var renderedDiagrams: [RenderedDiagram] = []

  /// Creates a result.
  public init(html: String, headings: [MarkdownHeading], links: [MarkdownLink], words: Int = 0) {
    self.html = html
    self.headings = headings
    self.links = links
    self.words = words
  }
}

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

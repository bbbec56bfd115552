/// A diagram the renderer's `renderDiagram` closure drew: the diagram and the SVG the closure
/// returned, before it was sanitised into the page.
public struct RenderedDiagram: Sendable, Hashable {
  /// The diagram as written in the page (its line as the renderer met it).
  public var diagram: MarkdownDiagram
  /// The SVG the closure returned.
  public var svg: String

  /// Creates a drawn diagram.
  public init(diagram: MarkdownDiagram, svg: String) {
    self.diagram = diagram
    self.svg = svg
  }
}

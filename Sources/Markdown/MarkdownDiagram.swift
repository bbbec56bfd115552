/// A diagram written in a page (```` ```dot ````, ```` ```plantuml ````, `{% dot … %}`), handed to the
/// renderer's `renderDiagram` closure, which runs the tool outside this engine.
public struct MarkdownDiagram: Sendable, Hashable {
  /// `dot` (also for `graphviz` and the `{% dot %}` engines `neato`, `fdp`, …) or `plantuml`.
  public var language: String
  /// Graphviz's layout engine (`dot`, `neato`, …); `plantuml` for PlantUML.
  public var engine: String
  /// The diagram's source text.
  public var source: String
  /// The page line the diagram starts on.
  public var line: Int

  /// Creates a diagram.
  public init(language: String, engine: String, source: String, line: Int) {
    self.language = language
    self.engine = engine
    self.source = source
    self.line = line
  }

  /// The fence languages that are diagrams, with the language and engine they stand for.
  static func kind(ofFence language: String) -> (language: String, engine: String)? {
    switch language.lowercased() {
    case "dot", "graphviz": return ("dot", "dot")
    case "plantuml", "puml": return ("plantuml", "plantuml")
    default: return nil
    }
  }

  /// Graphviz's layout engines, as `{% engine … %}` names them (markdown_inline_graphviz).
  static let graphvizEngines: Set<String> = ["dot", "neato", "fdp", "sfdp", "twopi", "circo"]
}

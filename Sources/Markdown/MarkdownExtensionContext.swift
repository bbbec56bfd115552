/// The state one page's extension passes share while its nested blocks render: the placeholders,
/// the abbreviations, the counters Material numbers elements with, and what the nested renders
/// found (headings, links, words).
///
/// Lives for one `MarkdownRenderer.render` call and is never shared between threads.
final class MarkdownExtensionContext {
  var placeholders = MarkdownPlaceholders()
  /// `*[ABBR]: expansion` definitions, by abbreviation.
  var abbreviations: [String: String] = [:]
  /// Tab sets so far (`__tabbed_N_…`).
  var tabSets = 0
  var slugger = HeadingSlugger()
  /// Ids set by heading attribute lists (`## Title {#id}`), by heading number (the order
  /// `headings` grows in), for `HeadingIDAssigner`.
  var customHeadingIDs: [Int: String] = [:]
  /// Ids set by the attribute lists of other elements (paragraphs, links, images).
  var attributeIDs: Set<String> = []
  /// The items (`<dt>`/`<dd>`) of each definition list so far, by placeholder entry, so a list
  /// continued after a blank line grows instead of starting another.
  var definitionLists: [Int: String] = [:]
  var headings: [MarkdownHeading] = []
  var links: [MarkdownLink] = []
  var words = 0
  /// Whether raw HTML passes through (`docs.unsafeHTML`), for elements the passes write themselves.
  var allowsRawHTML = false
  var renderDiagram: (@Sendable (MarkdownDiagram) -> String?)?
  var unrenderedDiagrams: [MarkdownDiagram] = []
  var renderedDiagrams: [RenderedDiagram] = []
  /// Renders a nested markdown body, starting at the given line of the page, to finished HTML.
  var renderNested: (String, Int) -> String = { _, _ in "" }

  init() {}

  /// The diagram as inline, sanitised SVG in Material's diagram wrapper; nil when it cannot be
  /// rendered (then noted in `unrenderedDiagrams`).
  func diagramHTML(_ diagram: MarkdownDiagram) -> String? {
    guard let svg = renderDiagram?(diagram), svg.contains("<svg") else {
      unrenderedDiagrams.append(diagram)
      return nil
    }
    renderedDiagrams.append(RenderedDiagram(diagram: diagram, svg: svg))
    let language = diagram.language == "dot" ? "graphviz" : diagram.language
    return "<div class=\"diagram diagram-\(language)\">\(SVGSanitizer.sanitize(svg))</div>"
  }
}

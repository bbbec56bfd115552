import CCmarkGFM
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark-gfm registers its extensions behind an unsynchronised flag, and concurrent first calls
/// can corrupt its extension list (a page then renders without, say, strikethrough). A global
/// `let` is initialised exactly once, atomically, so registration happens once per process.
private let coreExtensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// cmark-gfm 0.29 keeps the inline "special characters" in one process-wide table and toggles the
/// extensions' characters (`~` for strikethrough, …) in it at the start and end of every parse,
/// so two documents parsed at once can lose each other's extensions. Parsing (feed to finish)
/// therefore holds this lock; walking and rendering the finished tree, most of the work, do not.
let parseLock = NSLock()

/// Renders GitHub-flavoured markdown to HTML with cmark-gfm, reporting headings and links.
///
/// Tables, strikethrough, autolinks, task lists, footnotes and the tag filter are on. Raw HTML
/// is replaced by a comment unless `allowsRawHTML` is set. cmark-gfm pointers never leave
/// `render(_:)`.
public struct MarkdownRenderer: Sendable {
  /// Whether raw HTML blocks and inline HTML pass through (`docs.unsafeHTML`).
  public var allowsRawHTML: Bool
  /// Whether fenced code in a language `CodeHighlighter` knows gets highlighting spans.
  public var highlightsCode: Bool
  /// Whether the extensions TechDocs' `techdocs-core` turns on are read (admonitions, tabs, …).
  public var rendersTechDocsExtensions: Bool
  /// How heading anchors are made: GitHub's rules (READMEs, descriptions) or mkdocs' (TechDocs).
  public var headingIDs: HeadingIDStyle
  /// Renders a diagram to SVG (sanitised here before it is inlined); nil, or a nil result, keeps the
  /// diagram as a code block and lists it in `RenderedMarkdown.unrenderedDiagrams`.
  public var renderDiagram: (@Sendable (MarkdownDiagram) -> String?)?

  /// Creates a renderer.
  public init(
    allowsRawHTML: Bool = false, highlightsCode: Bool = false, rendersTechDocsExtensions: Bool = false,
    headingIDs: HeadingIDStyle = .github, renderDiagram: (@Sendable (MarkdownDiagram) -> String?)? = nil
  ) {
    self.allowsRawHTML = allowsRawHTML
    self.highlightsCode = highlightsCode
    self.rendersTechDocsExtensions = rendersTechDocsExtensions
    self.headingIDs = headingIDs
    self.renderDiagram = renderDiagram
    _ = coreExtensionsRegistered
  }

  static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

  /// Whether `link` is one `render` drops (`javascript:`, `vbscript:`, non-raster `data:`);
  /// such links are never passed to `rewriteLink`.
  public static func isDangerous(_ link: MarkdownLink) -> Bool {
    MarkdownTreeWalk.isDangerous(link.destination, isImage: link.isImage)
  }

  /// Renders `markdown`; `rewriteLink` may replace each link and image destination (nil drops it).
  ///
  /// Destinations with a `javascript:`, `vbscript:` or `data:` scheme are always dropped
  /// (images may keep `data:image/…` raster types).
  public func render(
    _ markdown: String, rewriteLink: (MarkdownLink) -> String? = { $0.destination }
  ) -> RenderedMarkdown {
    _ = coreExtensionsRegistered
    if rendersTechDocsExtensions { return renderWithExtensions(markdown, rewriteLink: rewriteLink) }
    var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
    guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: [], links: []) }
    defer { cmark_parser_free(parser) }
    for name in Self.extensionNames {
      if let syntaxExtension = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    var text = headingIDs == .mkdocs ? MarkdownPlaceholders.strip(markdown) : markdown
    let finished: OpaquePointer? = parseLock.withLock {
      text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
      }
      return cmark_parser_finish(parser)
    }
    guard let document = finished else { return RenderedMarkdown(html: "", headings: [], links: []) }
    defer { cmark_node_free(document) }

    var walk = MarkdownTreeWalk()
    walk.collectsCode = highlightsCode
    walk.makesAnchors = headingIDs == .github
    walk.visit(document, rewriteLink: rewriteLink)
    let extensions = cmark_parser_get_syntax_extensions(parser)
    guard let rendered = cmark_render_html(document, options, extensions) else {
      return RenderedMarkdown(html: "", headings: walk.headings, links: walk.links, words: walk.words)
    }
    defer { free(rendered) }
    let anchors =
      headingIDs == .github ? walk.headings.map(\.anchor) : walk.headings.indices.map(HeadingIDAssigner.marker)
    var html = HeadingAnchorInserter.insert(anchors: anchors, into: String(cString: rendered))
    if !walk.codeBlocks.isEmpty { html = CodeBlockHighlighting.apply(walk.codeBlocks, to: html) }
    if walk.hasTaskItems { html = TaskListCheckboxLabeler.label(html) }
    if headingIDs == .mkdocs {
      html = HeadingIDAssigner.assign(html: html, headings: &walk.headings, customIDs: [:], reserved: [])
    }
    return RenderedMarkdown(html: html, headings: walk.headings, links: walk.links, words: walk.words)
  }
}

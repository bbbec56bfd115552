import CCmarkGFM
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MarkdownRenderer {
  /// cmark-gfm's extensions for TechDocs pages: strikethrough is left out because the tilde
  /// extension (`~~del~~`, `~sub~`) reads tildes itself, and autolink because magiclink's rules
  /// (`MagicLinkScanner`) decide where a bare address ends.
  static let techDocsExtensionNames = ["table", "tasklist", "tagfilter"]

  /// Renders a page with the TechDocs (mkdocs + Material) extensions on.
  func renderWithExtensions(_ markdown: String, rewriteLink: (MarkdownLink) -> String?) -> RenderedMarkdown {
    let context = MarkdownExtensionContext()
    context.renderDiagram = renderDiagram
    context.allowsRawHTML = allowsRawHTML
    let text = MarkdownPlaceholders.strip(markdown)
    context.abbreviations = MarkdownBlockPass.abbreviations(in: text)
    var html = withoutActuallyEscaping(rewriteLink) { rewrite in
      context.renderNested = { [unowned context] body, firstLine in
        renderFragment(body, firstLine: firstLine, context: context, rewriteLink: rewrite)
      }
      defer { context.renderNested = { _, _ in "" } }
      return renderFragment(text, firstLine: 1, context: context, rewriteLink: rewrite)
    }
    if headingIDs == .mkdocs {
      html = HeadingIDAssigner.assign(
        html: html, headings: &context.headings, customIDs: context.customHeadingIDs, reserved: context.attributeIDs)
    }
    let headings = context.headings.enumerated().sorted {
      ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
    }.map(\.element)
    let links = context.links.enumerated().sorted {
      ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
    }.map(\.element)
    var rendered = RenderedMarkdown(html: html, headings: headings, links: links, words: context.words)
    rendered.unrenderedDiagrams = context.unrenderedDiagrams.sorted { $0.line < $1.line }
    rendered.renderedDiagrams = context.renderedDiagrams.enumerated().sorted {
      ($0.element.diagram.line, $0.offset) < ($1.element.diagram.line, $1.offset)
    }.map(\.element)
    return rendered
  }

  /// Renders one markdown text (a page or a nested body) to finished HTML, adding what it finds
  /// to `context`; line numbers count from `firstLine` of the page.
  func renderFragment(
    _ markdown: String, firstLine: Int, context: MarkdownExtensionContext, rewriteLink: (MarkdownLink) -> String?
  ) -> String {
    let transformed = MarkdownBlockPass(context: context).transform(markdown, firstLine: firstLine)
    var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
    guard let parser = cmark_parser_new(options) else { return "" }
    defer { cmark_parser_free(parser) }
    guard let document = Self.parse(transformed, parser: parser, extensions: Self.techDocsExtensionNames) else {
      return ""
    }
    defer { cmark_node_free(document) }
    var treePass = MarkdownTreeExtensionPass(
      context: context, highlightsCode: highlightsCode, lineOffset: firstLine - 1)
    let headingAttributes = treePass.takeHeadingAttributes(document)
    var walk = MarkdownTreeWalk()
    walk.makesAnchors = headingIDs == .github
    swap(&walk.slugger, &context.slugger)
    walk.visit(document, rewriteLink: rewriteLink)
    swap(&walk.slugger, &context.slugger)
    // Nested bodies rendered before this point, so the headings found here are numbered next.
    let firstHeading = context.headings.count
    for (index, attributes) in headingAttributes {
      if let id = attributes.id, index < walk.headings.count {
        walk.headings[index].anchor = id
        context.customHeadingIDs[firstHeading + index] = id
      }
    }
    treePass.rewrite(document, source: transformed)
    treePass.tightenOrderedLists(document, text: transformed)
    let extensions = cmark_parser_get_syntax_extensions(parser)
    guard let rendered = cmark_render_html(document, options, extensions) else { return "" }
    defer { free(rendered) }
    let anchors =
      headingIDs == .github
      ? walk.headings.map(\.anchor) : walk.headings.indices.map { HeadingIDAssigner.marker(firstHeading + $0) }
    var html = HeadingAnchorInserter.insert(anchors: anchors, into: String(cString: rendered))
    if walk.hasTaskItems { html = TaskListCheckboxLabeler.materialMarkup(html) }
    let offset = firstLine - 1
    context.headings += walk.headings.map { heading in
      var shifted = heading
      shifted.line += offset
      return shifted
    }
    context.links += walk.links.map { link in
      var shifted = link
      shifted.line += offset
      return shifted
    }
    context.words += walk.words
    return context.placeholders.substitute(into: html)
  }

  /// Parses `text` with the named extensions attached, under the parse lock.
  static func parse(_ text: String, parser: OpaquePointer, extensions: [String]) -> OpaquePointer? {
    for name in extensions {
      if let syntaxExtension = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    var text = text
    return parseLock.withLock {
      text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
      }
      return cmark_parser_finish(parser)
    }
  }
}

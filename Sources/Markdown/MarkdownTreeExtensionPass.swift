import CCmarkGFM

/// The tree pass of the TechDocs extensions, over one parsed cmark-gfm document: attribute lists
/// on headings, paragraphs, links and images; the inline extensions in text; inline code with a
/// `#!lang` shebang; and fenced code with highlight options (`title`, `linenums`, `hl_lines`),
/// Mermaid and diagram fences.
struct MarkdownTreeExtensionPass {
  let context: MarkdownExtensionContext
  let highlightsCode: Bool
  /// Where the fragment starts in the page, for the lines of diagrams.
  let lineOffset: Int
  /// Heading text nodes that end in an attribute list, with the attributes to add to the heading.
  private var headingMarkers: [OpaquePointer: String] = [:]

  init(context: MarkdownExtensionContext, highlightsCode: Bool, lineOffset: Int) {
    self.context = context
    self.highlightsCode = highlightsCode
    self.lineOffset = lineOffset
  }

  /// Strips `{: … }` from the end of each heading, returning the lists by heading number; the
  /// id becomes the anchor, the other attributes are added when `rewrite` runs.
  mutating func takeHeadingAttributes(_ document: OpaquePointer) -> [(Int, AttributeList)] {
    var found: [(Int, AttributeList)] = []
    var number = 0
    Self.forEachEntered(document) { node, type in
      guard type == CMARK_NODE_HEADING else { return }
      defer { number += 1 }
      guard let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
        let literal = cmark_node_get_literal(last).map({ String(cString: $0) }), literal.hasSuffix("}"),
        let brace = literal.lastIndex(of: "{"), let list = AttributeList.parse(literal[brace...])
      else { return }
      var kept = literal[..<brace]
      while kept.last == " " { kept = kept.dropLast() }
      cmark_node_set_literal(last, String(kept))
      found.append((number, list))
      let level = cmark_node_get_heading_level(node)
      let html = list.html(includesID: false)
      if !html.isEmpty { headingMarkers[last] = context.placeholders.attributeMarker(html, element: "h\(level)") }
    }
    return found
  }

  /// Applies the inline and code extensions throughout `document`, parsed from `source`.
  func rewrite(_ document: OpaquePointer, source: String) {
    markEscapes(document, source: source)
    // cmark-gfm splits text at `&`, `_`, `*`, `[`, `!`, …; an address runs across them.
    cmark_consolidate_text_nodes(document)
    var unlinked: [OpaquePointer] = []
    let inline = InlineExtensionRewriter(context: context)
    let pairer = InlineDelimiterPairer(context: context)
    Self.forEachEntered(document) { node, type in
      if cmark_node_first_child(node) != nil { pairer.pair(in: node) }
      switch type {
      case CMARK_NODE_TEXT:
        rewriteText(node, inline: inline, unlinked: &unlinked)
      case CMARK_NODE_CODE:
        rewriteInlineCode(node)
      case CMARK_NODE_CODE_BLOCK:
        rewriteCodeBlock(node)
      default:
        break
      }
    }
    for node in unlinked {
      cmark_node_unlink(node)
      cmark_node_free(node)
    }
  }

  private func rewriteText(_ node: OpaquePointer, inline: InlineExtensionRewriter, unlinked: inout [OpaquePointer]) {
    guard var literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { return }
    var prefix = ""
    let previous = cmark_node_previous(node)
    let previousType = previous.map { cmark_node_get_type($0) }
    if previousType == CMARK_NODE_LINK || previousType == CMARK_NODE_IMAGE, literal.hasPrefix("{"),
      let close = literal.firstIndex(of: "}"), let list = AttributeList.parse(literal[...close])
    {
      if let id = list.id { context.attributeIDs.insert(id) }
      prefix = context.placeholders.attributeMarker(list.html(), element: previousType == CMARK_NODE_LINK ? "a" : "img")
      literal = String(literal[literal.index(after: close)...])
    } else if previousType == CMARK_NODE_SOFTBREAK, cmark_node_next(node) == nil,
      let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
      let list = AttributeList.parse(literal[...]), let previous
    {
      unlinked.append(previous)
      if let id = list.id { context.attributeIDs.insert(id) }
      cmark_node_set_literal(node, context.placeholders.attributeMarker(list.html(), element: "p"))
      return
    }
    let linked = Self.isInsideLink(node) ? literal : magicLinked(literal)
    let rewritten = inline.rewrite(linked) ?? linked
    let suffix = headingMarkers[node] ?? ""
    let result = prefix + rewritten + suffix
    if result != literal || !prefix.isEmpty { cmark_node_set_literal(node, result) }
  }

  /// `literal` with each magic link (a bare address or e-mail address) as a placeholder for its
  /// `<a>`, so the other inline extensions leave the address alone, as in mkdocs.
  private func magicLinked(_ literal: String) -> String {
    guard MagicLinkScanner.mayContainLinks(literal) else { return literal }
    let scalars = Array(literal.unicodeScalars)
    let links = MagicLinkScanner.links(in: scalars[...])
    guard !links.isEmpty else { return literal }
    var out = String.UnicodeScalarView()
    var position = 0
    for link in links {
      out.append(contentsOf: scalars[position..<link.range.lowerBound])
      let text = String(String.UnicodeScalarView(scalars[link.range]))
      let html = "<a href=\"\(AttributeList.escape(link.href))\">\(AttributeList.escape(text))</a>"
      out.append(contentsOf: context.placeholders.marker(for: html).unicodeScalars)
      position = link.range.upperBound
    }
    out.append(contentsOf: scalars[position...])
    return String(out)
  }

  /// Whether `node` is inside a link or image (magiclink leaves those alone).
  static func isInsideLink(_ node: OpaquePointer) -> Bool {
    var parent = cmark_node_parent(node)
    while let current = parent {
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
      parent = cmark_node_parent(current)
    }
    return false
  }

  /// `` `#!python x = 1` `` becomes highlighted inline code.
  private func rewriteInlineCode(_ node: OpaquePointer) {
    guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }), literal.hasPrefix("#!") else {
      return
    }
    let language = literal.dropFirst(2).prefix { $0 != " " }
    let code = literal.dropFirst(2 + language.count).drop { $0 == " " }
    guard !language.isEmpty, !code.isEmpty,
      language.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" })
    else { return }
    let body =
      (highlightsCode ? CodeHighlighter().highlight(String(code), language: String(language)) : nil)
      ?? CodeBlockHighlighting.escaped(String(code))
    let html = "<code class=\"language-\(AttributeList.escape(String(language))) highlight\">\(body)</code>"
    cmark_node_set_literal(node, context.placeholders.marker(for: html, wrapper: (open: "<code>", close: "</code>")))
  }

  private func rewriteCodeBlock(_ node: OpaquePointer) {
    var length: Int32 = 0
    var offset: Int32 = 0
    var character: CChar = 0
    guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return }
    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    let fence = FenceOptions.parse(info)
    var html = CodeBlockRenderer(highlightsCode: highlightsCode).html(code, options: fence)
    if let kind = MarkdownDiagram.kind(ofFence: fence.language) {
      let line = Int(cmark_node_get_start_line(node)) + lineOffset
      let diagram = MarkdownDiagram(language: kind.language, engine: kind.engine, source: code, line: line)
      if let rendered = context.diagramHTML(diagram) { html = rendered }
    }
    cmark_node_set_fence_info(node, "")
    cmark_node_set_literal(
      node, context.placeholders.marker(for: html, wrapper: (open: "<pre><code>", close: "</code></pre>")))
  }

  /// Calls `body` for each node as the iterator enters it.
  static func forEachEntered(_ root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      body(node, cmark_node_get_type(node))
    }
  }
}

import CCmarkGFM

/// Collects headings and links from a cmark-gfm tree and rewrites link destinations in place.
struct MarkdownTreeWalk {
  var headings: [MarkdownHeading] = []
  var links: [MarkdownLink] = []
  var words = 0
  /// Fenced code blocks with a language the highlighter knows, in document order.
  var codeBlocks: [(language: String, literal: String)] = []
  /// Whether to collect code blocks for highlighting.
  var collectsCode = false
  /// Whether a list item is a task (`- [ ]`), whose checkbox the HTML then needs labelled.
  var hasTaskItems = false
  /// Whether the last text seen ended inside a word, so `foo**bar**` counts as one word.
  private var inWord = false
  var slugger = HeadingSlugger()
  /// Whether headings get their anchors from `slugger` now; when false they are left empty for
  /// `HeadingIDAssigner`, which names them once the page is complete.
  var makesAnchors = true

  mutating func visit(_ root: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
        if let literal = cmark_node_get_literal(node) { words += Self.countWords(literal, inWord: &inWord) }
      } else if !Self.isInlineContainer(type) {
        inWord = false
      }
      if collectsCode, type == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node), info.pointee != 0 {
        let language = String(String(cString: info).prefix { $0 != " " && $0 != "\t" })
        if CodeHighlighter.grammars[language.lowercased()] != nil {
          codeBlocks.append((language, cmark_node_get_literal(node).map { String(cString: $0) } ?? ""))
        }
      }
      if type == CMARK_NODE_ITEM, cmark_node_get_syntax_extension(node) != nil {
        // Only the tasklist extension claims list items.
        hasTaskItems = true
      }
      if type == CMARK_NODE_HEADING {
        let text = Self.plainText(of: node)
        headings.append(
          MarkdownHeading(
            level: Int(cmark_node_get_heading_level(node)), text: text,
            anchor: makesAnchors ? slugger.slug(for: text) : "",
            line: Int(cmark_node_get_start_line(node))))
      } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let link = MarkdownLink(
          destination: destination, isImage: type == CMARK_NODE_IMAGE,
          line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        links.append(link)
        let replacement = Self.isDangerous(destination, isImage: link.isImage) ? nil : rewriteLink(link)
        if replacement != destination {
          cmark_node_set_url(node, replacement ?? "")
        }
      }
    }
  }

  /// Inline nodes that wrap text without separating words (`**a**b` is one word).
  static func isInlineContainer(_ type: cmark_node_type) -> Bool {
    type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK || type == CMARK_NODE_TEXT
      || type == CMARK_NODE_CODE
  }

  /// Counts the words that start in a C string, the way `wc -w` does, continuing a word the
  /// previous text ended in.
  static func countWords(_ text: UnsafePointer<CChar>, inWord: inout Bool) -> Int {
    var count = 0
    var cursor = text
    while cursor.pointee != 0 {
      let byte = UInt8(bitPattern: cursor.pointee)
      let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !isSpace && !inWord { count += 1 }
      inWord = !isSpace
      cursor += 1
    }
    return count
  }

  /// Whether a destination would run script or embed arbitrary content.
  static func isDangerous(_ destination: String, isImage: Bool) -> Bool {
    // Only the first characters matter; most destinations (`setup.md`) have no colon at all.
    guard destination.utf8.contains(UInt8(ascii: ":")) else { return false }
    let scheme = destination.unicodeScalars.lazy
      .filter { !($0.properties.isWhitespace || $0.value < 0x20) }
      .prefix(16).map { Character($0) }
    let lowered = String(scheme).lowercased()
    if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") { return true }
    if lowered.hasPrefix("data:") {
      let rasterImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
      return !(isImage && rasterImage.contains { lowered.hasPrefix($0) })
    }
    return false
  }

  /// The concatenated literal text below a node.
  static func plainText(of node: OpaquePointer) -> String {
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(child)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
        text += String(cString: literal)
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        text += " "
      }
    }
    return text
  }
}

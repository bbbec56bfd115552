import CCmarkGFM

/// Collects headings and links from a cmark-gfm tree and rewrites link destinations in place.
struct MarkdownTreeWalk {
  var headings: [MarkdownHeading] = []
  var links: [MarkdownLink] = []
  private var slugger = HeadingSlugger()

  mutating func visit(_ root: OpaquePointer, rewriteLink: (MarkdownLink) -> String?) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_HEADING {
        let text = Self.plainText(of: node)
        headings.append(
          MarkdownHeading(
            level: Int(cmark_node_get_heading_level(node)), text: text, anchor: slugger.slug(for: text),
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

  /// Whether a destination would run script or embed arbitrary content.
  static func isDangerous(_ destination: String, isImage: Bool) -> Bool {
    let scheme = destination.unicodeScalars
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

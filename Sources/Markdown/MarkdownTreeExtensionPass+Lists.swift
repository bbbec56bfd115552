import CCmarkGFM

extension MarkdownTreeExtensionPass {
  /// Python-Markdown (with `mdx_truly_sane_lists`) continues an ordered list across a blank line,
  /// but only the two items next to the blank line get paragraphs; CommonMark makes every item
  /// of such a list a paragraph. So an ordered list of one-paragraph items, loose only through
  /// blank lines between items, is made tight and those items' paragraphs kept with placeholders.
  /// `text` is the fragment as parsed, for which of its lines are blank.
  func tightenOrderedLists(_ document: OpaquePointer, text: String) {
    var lists: [OpaquePointer] = []
    Self.forEachEntered(document) { node, type in
      if type == CMARK_NODE_LIST, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        cmark_node_get_list_tight(node) == 0
      {
        lists.append(node)
      }
    }
    guard !lists.isEmpty else { return }
    let lines = MarkdownLines.split(text)
    let isBlank = { (line: Int) in
      line >= 1 && line <= lines.count && lines[line - 1].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
    for list in lists {
      var items: [OpaquePointer] = []
      var child = cmark_node_first_child(list)
      while let item = child {
        items.append(item)
        child = cmark_node_next(item)
      }
      let paragraphs = items.compactMap { item -> OpaquePointer? in
        guard let only = cmark_node_first_child(item), cmark_node_next(only) == nil,
          cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH
        else { return nil }
        return only
      }
      guard paragraphs.count == items.count, items.count > 1 else { continue }
      var loose = Set<Int>()
      for index in 1..<items.count where isBlank(Int(cmark_node_get_start_line(items[index])) - 1) {
        loose.formUnion([index - 1, index])
      }
      guard !loose.isEmpty else { continue }
      cmark_node_set_list_tight(list, 1)
      for index in loose.sorted() {
        wrap(paragraphs[index])
      }
    }
  }

  /// Writes `<p>` and `</p>` around a paragraph's content (a tight list drops them).
  private func wrap(_ paragraph: OpaquePointer) {
    guard let open = cmark_node_new(CMARK_NODE_TEXT), let close = cmark_node_new(CMARK_NODE_TEXT) else { return }
    cmark_node_set_literal(open, context.placeholders.marker(for: "<p>"))
    cmark_node_set_literal(close, context.placeholders.marker(for: "</p>"))
    cmark_node_prepend_child(paragraph, open)
    cmark_node_append_child(paragraph, close)
  }
}

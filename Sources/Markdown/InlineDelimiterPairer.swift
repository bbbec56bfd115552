import CCmarkGFM
import Foundation

/// Pairs the inline delimiters (`~~`, `==`, `^^`) whose span holds other inline nodes, such as
/// `~~the `--legacy` flag~~`: cmark-gfm splits that text around the code, so the opener and the
/// closer land in different text nodes of one parent. Reading the siblings in order, an opener left
/// unbalanced at the end of one text node is paired with the first delimiter of a later one that
/// can close it (`~~a `x`~~ b ~~c `y`~~` is two spans); both become placeholders for the tags. Delimiters balanced within one node are left to
/// `InlineExtensionRewriter`.
struct InlineDelimiterPairer {
  let context: MarkdownExtensionContext

  static let delimiters: [(text: String, tag: String)] = [("~~", "del"), ("==", "mark"), ("^^", "ins")]

  /// Pairs delimiters among the children of `parent`.
  func pair(in parent: OpaquePointer) {
    for (delimiter, tag) in Self.delimiters {
      var opener: OpaquePointer?
      var child = cmark_node_first_child(parent)
      while let node = child {
        defer { child = cmark_node_next(node) }
        // Counted on the node's own bytes: most text nodes hold no delimiter and need no String.
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let bytes = cmark_node_get_literal(node) else { continue }
        var unpaired = Self.occurrences(
          of: delimiter,
          in: UnsafeBufferPointer(
            start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: strlen(bytes)))
        guard unpaired > 0 else { continue }
        let literal = String(cString: bytes)
        var text = literal
        if let open = opener, let first = text.range(of: delimiter),
          text[..<first.lowerBound].last.map({ !$0.isWhitespace }) ?? true
        {
          replaceLast(delimiter, in: open, with: context.placeholders.marker(for: "<\(tag)>"))
          text =
            String(text[..<first.lowerBound]) + context.placeholders.marker(for: "</\(tag)>")
            + String(text[first.upperBound...])
          cmark_node_set_literal(node, text)
          opener = nil
          unpaired -= 1
        }
        // Pairs within the rest of the node are the rewriter's; an odd one out may open a span.
        if unpaired % 2 == 1, let last = text.range(of: delimiter, options: .backwards),
          last.upperBound == text.endIndex || !text[last.upperBound].isWhitespace
        {
          opener = node
        }
      }
    }
  }

  /// How many times `delimiter` occurs in `text`, not overlapping.
  static func occurrences(of delimiter: String, in text: UnsafeBufferPointer<UInt8>) -> Int {
    let pattern = Array(delimiter.utf8)
    guard let first = pattern.first else { return 0 }
    var count = 0
    var matched = 0
    for byte in text {
      if byte == pattern[matched] {
        matched += 1
        if matched == pattern.count {
          count += 1
          matched = 0
        }
      } else {
        matched = byte == first ? 1 : 0
      }
    }
    return count
  }

  private func replaceLast(_ delimiter: String, in node: OpaquePointer, with marker: String) {
    guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }),
      let last = literal.range(of: delimiter, options: .backwards)
    else { return }
    cmark_node_set_literal(node, String(literal[..<last.lowerBound]) + marker + String(literal[last.upperBound...]))
  }
}

import CCmarkGFM

extension MarkdownTreeExtensionPass {
  /// The characters a backslash escapes in Python-Markdown with techdocs-core's extensions (its
  /// own set, and the `~`, `^`, `=`, `:`, `|` and space the pymdownx extensions add).
  static let pythonMarkdownEscapes = Set("\\`*_{}[]()>#+-.!~^=:| ".utf8)

  /// Backslash escapes as Python-Markdown reads them: the escaped character stands apart from the
  /// text around it (a magic link ends before it, `\~\~` opens no span), and a character only
  /// CommonMark escapes (`\&`, `\<`, `\@`, …) keeps its backslash. cmark-gfm merges an escape into
  /// the text around it, so each one-line text node is lined up with its source (`source`, the
  /// fragment as parsed) and each escaped character becomes a placeholder for its HTML; a node
  /// that does not line up (an entity, a table's `\|`) is left as it is.
  func markEscapes(_ document: OpaquePointer, source: String) {
    guard source.utf8.contains(UInt8(ascii: "\\")) else { return }
    let lines = MarkdownLines.split(source)
    var rewrites: [(node: OpaquePointer, literal: String)] = []
    Self.forEachEntered(document) { node, type in
      let line = Int(cmark_node_get_start_line(node))
      let start = Int(cmark_node_get_start_column(node))
      let end = Int(cmark_node_get_end_column(node))
      guard type == CMARK_NODE_TEXT, line == Int(cmark_node_get_end_line(node)), line >= 1, line <= lines.count,
        start >= 1, end >= start, let literal = cmark_node_get_literal(node)
      else { return }
      let bytes = Array(lines[line - 1].utf8)
      guard end <= bytes.count, bytes[(start - 1)..<end].contains(UInt8(ascii: "\\")),
        let rewritten = escapesMarked(source: bytes[(start - 1)..<end], literal: Array(String(cString: literal).utf8))
      else { return }
      rewrites.append((node, rewritten))
    }
    for (node, literal) in rewrites { cmark_node_set_literal(node, literal) }
  }

  /// `literal` with each character `source` escapes as a placeholder, or nil when the two do not
  /// line up character for character apart from the escapes.
  private func escapesMarked(source: ArraySlice<UInt8>, literal: [UInt8]) -> String? {
    var out: [UInt8] = []
    var index = source.startIndex
    var position = 0
    var marked = false
    while index < source.endIndex {
      let byte = source[index]
      if byte == UInt8(ascii: "\\"), index + 1 < source.endIndex, Self.isASCIIPunctuation(source[index + 1]) {
        let escaped = source[index + 1]
        guard position < literal.count, literal[position] == escaped else { return nil }
        let written = Self.pythonMarkdownEscapes.contains(escaped) ? [escaped] : [UInt8(ascii: "\\"), escaped]
        out += Array(
          context.placeholders.marker(for: AttributeList.escape(String(decoding: written, as: UTF8.self))).utf8)
        marked = true
        index += 2
      } else {
        guard position < literal.count, literal[position] == byte else { return nil }
        out.append(byte)
        index += 1
      }
      position += 1
    }
    guard position == literal.count, marked else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  /// The characters CommonMark lets a backslash escape.
  static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x7E).contains(byte) && !(0x30...0x39).contains(byte) && !(0x61...0x7A).contains(byte | 0x20)
  }
}

/// Puts highlighted code into cmark-gfm's HTML, block by block, in document order.
///
/// cmark-gfm writes a fenced block as `<pre><code class="language-x">` + the escaped literal +
/// `</code></pre>`. Each block's exact text is searched for after the previous one, so raw HTML
/// that merely looks like a code block (only present with raw HTML allowed) is never touched:
/// a block whose exact text is not found is left as it is.
enum CodeBlockHighlighting {
  static func apply(_ blocks: [(language: String, literal: String)], to html: String) -> String {
    let source = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(source.count * 2)
    var cursor = 0
    let highlighter = CodeHighlighter()
    for block in blocks {
      guard let highlighted = highlighter.highlight(block.literal, language: block.language) else { continue }
      let open = Array("<pre><code class=\"language-\(escaped(block.language))\">".utf8)
      let needle = open + Array(escaped(block.literal).utf8) + Array("</code></pre>".utf8)
      guard let start = find(needle, in: source, from: cursor) else { continue }
      out += source[cursor..<start]
      out += open
      out += Array(highlighted.utf8)
      out += Array("</code></pre>".utf8)
      cursor = start + needle.count
    }
    out += source[cursor...]
    return String(decoding: out, as: UTF8.self)
  }

  /// cmark-gfm's escaping of text: `&`, `<`, `>`, `"`.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// The first index of `needle` in `haystack` at or after `from`.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, needle.count <= haystack.count - from else { return nil }
    var index = from
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

/// A rendered heading's text as Python-Markdown's `toc` reads it for the id: the inner HTML
/// with footnote marks removed, comments and tags stripped, and character references decoded.
enum HeadingText {
  /// The text of the heading whose opening tag is still open at `start` (just after its `id`
  /// value) and which ends at the next `</hN>` of `level`.
  static func plain(_ bytes: [UInt8], from start: Int, level: Int) -> String {
    guard let tagEnd = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return "" }
    let closing = Array("</h\(level)>".utf8)
    let inner = tagEnd + 1
    var end = inner
    while end + closing.count <= bytes.count, !bytes[end..<end + closing.count].elementsEqual(closing) { end += 1 }
    guard end + closing.count <= bytes.count else { return "" }
    let text = stripped(withoutFootnoteMarks(Array(bytes[inner..<end])))
    return decoded(String(decoding: text, as: UTF8.self))
  }

  /// cmark-gfm's footnote references (`<sup class="footnote-ref">…</sup>`) removed.
  static func withoutFootnoteMarks(_ html: [UInt8]) -> [UInt8] {
    let open = Array("<sup class=\"footnote-ref\">".utf8)
    let close = Array("</sup>".utf8)
    guard let first = range(of: open, in: html, from: 0) else { return html }
    var out: [UInt8] = []
    var copied = 0
    var next: Range<Int>? = first
    while let found = next, let end = range(of: close, in: html, from: found.upperBound) {
      out += html[copied..<found.lowerBound]
      copied = end.upperBound
      next = range(of: open, in: html, from: copied)
    }
    out += html[copied...]
    return out
  }

  /// Comments, then tags, removed (a `<` with no `>` after it stays, as in Python-Markdown).
  static func stripped(_ html: [UInt8]) -> [UInt8] {
    var text = html
    let commentOpen = Array("<!--".utf8)
    let commentClose = Array("-->".utf8)
    while let start = range(of: commentOpen, in: text, from: 0),
      let end = range(of: commentClose, in: text, from: start.upperBound)
    {
      text.removeSubrange(start.lowerBound..<end.upperBound)
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    var index = 0
    while index < text.count {
      if text[index] == UInt8(ascii: "<"), let close = text[index...].firstIndex(of: UInt8(ascii: ">")) {
        index = close + 1
      } else {
        out.append(text[index])
        index += 1
      }
    }
    return out
  }

  /// The character references HTML output holds (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`,
  /// `&nbsp;`, numeric ones) decoded; others are kept as written.
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if let semicolon = after.prefix(12).firstIndex(of: ";"), let scalar = reference(after[..<semicolon]) {
        out.unicodeScalars.append(scalar)
        rest = after[after.index(after: semicolon)...]
      } else {
        out += "&"
        rest = after
      }
    }
    return out + rest
  }

  private static func reference(_ name: Substring) -> Unicode.Scalar? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return "\u{A0}"
    default:
      guard name.first == "#" else { return nil }
      let digits = name.dropFirst()
      let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init)
    }
  }

  private static func range(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
        return index..<index + needle.count
      }
      index += 1
    }
    return nil
  }
}

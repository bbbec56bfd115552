/// Adds `id` attributes to the `<h1>`…`<h6>` tags of cmark-gfm's HTML, in document order.
///
/// cmark-gfm's renderer has no hook for heading attributes; its output writes each heading as
/// exactly `<hN>`, so the n-th such tag belongs to the n-th heading node. Raw HTML headings
/// (only present with raw HTML allowed) carry attributes or were written by the author and are
/// matched only when written exactly alike, which at worst moves an anchor, never breaks markup.
enum HeadingAnchorInserter {
  static func insert(anchors: [String], into html: String) -> String {
    guard !anchors.isEmpty else { return html }
    var result = ""
    result.reserveCapacity(html.utf8.count + anchors.count * 24)
    var remaining = anchors[...]
    var bytes = Substring(html)
    while let next = remaining.first, let range = Self.nextHeadingTag(in: bytes) {
      result += bytes[..<range.lowerBound]
      let tag = bytes[range]
      result += tag.dropLast() + " id=\"\(next)\">"
      remaining = remaining.dropFirst()
      bytes = bytes[range.upperBound...]
    }
    result += bytes
    return result
  }

  private static func nextHeadingTag(in text: Substring) -> Range<Substring.Index>? {
    var search = text[...]
    while let open = search.firstIndex(of: "<") {
      let afterOpen = search.index(after: open)
      let tail = search[afterOpen...]
      if tail.count >= 3, tail.first == "h", let level = tail.dropFirst().first, ("1"..."6").contains(level),
        tail.dropFirst(2).first == ">"
      {
        return open..<search.index(open, offsetBy: 4)
      }
      search = tail
    }
    return nil
  }
}

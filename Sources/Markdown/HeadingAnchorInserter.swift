/// Adds `id` attributes to the `<h1>`…`<h6>` tags of cmark-gfm's HTML, in document order.
///
/// cmark-gfm's renderer has no hook for heading attributes; its output writes each heading as
/// exactly `<hN>`, so the n-th such tag belongs to the n-th heading node. Raw HTML headings
/// (only present with raw HTML allowed) carry attributes or were written by the author and are
/// matched only when written exactly alike, which at worst moves an anchor, never breaks markup.
///
/// Works on UTF-8 bytes in one linear pass: pages are rendered by the thousand.
enum HeadingAnchorInserter {
  static func insert(anchors: [String], into html: String) -> String {
    guard !anchors.isEmpty else { return html }
    let bytes = Array(html.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + anchors.count * 24)
    var remaining = anchors[...]
    var copied = 0
    var index = 0
    let last = bytes.count - 4
    while index <= last, let anchor = remaining.first {
      if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
        bytes[index + 2] >= UInt8(ascii: "1"), bytes[index + 2] <= UInt8(ascii: "6"),
        bytes[index + 3] == UInt8(ascii: ">")
      {
        result += bytes[copied..<index + 3]
        result += Array(" id=\"\(anchor)\">".utf8)
        remaining = remaining.dropFirst()
        index += 4
        copied = index
      } else {
        index += 1
      }
    }
    result += bytes[copied...]
    return String(decoding: result, as: UTF8.self)
  }
}

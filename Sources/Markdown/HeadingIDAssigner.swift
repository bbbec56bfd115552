/// Gives headings their mkdocs-style ids once a page's HTML is complete.
///
/// Python-Markdown's `toc` extension names headings after the page is built: in document order
/// (a heading in an admonition or tab counts where it stands, not when its body was rendered),
/// from the heading's rendered text (tags stripped, so an emoji image or a footnote mark adds
/// nothing), never reusing an id an attribute list set anywhere in the page. The renderer
/// therefore writes a marker as each heading's id (`marker(_:)`, numbered by heading) and this
/// pass, over the finished HTML, replaces the markers in the order they appear.
enum HeadingIDAssigner {
  static let open: Unicode.Scalar = "\u{E002}"
  static let close: Unicode.Scalar = "\u{E003}"

  /// The id written for heading `number` until the pass replaces it.
  static func marker(_ number: Int) -> String {
    "\(Character(open))\(number)\(Character(close))"
  }

  /// `html` with each heading marker replaced by the heading's id, and `headings` (numbered as
  /// the markers) given those ids. `customIDs` are ids set by the author (kept as written);
  /// `reserved` are the other ids attribute lists set.
  static func assign(
    html: String, headings: inout [MarkdownHeading], customIDs: [Int: String], reserved: Set<String>
  ) -> String {
    guard !headings.isEmpty else { return html }
    let bytes = Array(html.utf8)
    let found = markers(in: bytes, count: headings.count)
    var slugger = HeadingSlugger(style: .mkdocs)
    slugger.reserve(reserved)
    slugger.reserve(customIDs.values)
    var ids: [String?] = Array(repeating: nil, count: headings.count)
    for marker in found where ids[marker.number] == nil {
      let level = headings[marker.number].level
      ids[marker.number] =
        customIDs[marker.number] ?? slugger.slug(for: HeadingText.plain(bytes, from: marker.end, level: level))
    }
    for number in headings.indices {
      let id = ids[number] ?? customIDs[number] ?? slugger.slug(for: headings[number].text)
      ids[number] = id
      headings[number].anchor = id
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + found.count * 16)
    var copied = 0
    for marker in found {
      out += bytes[copied..<marker.start]
      out += Array(escaped(ids[marker.number] ?? "").utf8)
      copied = marker.end
    }
    out += bytes[copied...]
    return String(decoding: out, as: UTF8.self)
  }

  /// The markers written as an `id` value, in document order: each one's byte range and number.
  private static func markers(in bytes: [UInt8], count: Int) -> [(start: Int, end: Int, number: Int)] {
    // U+E002 is EE 80 82 in UTF-8, U+E003 is EE 80 83.
    let prefix = Array(" id=\"".utf8)
    var found: [(start: Int, end: Int, number: Int)] = []
    var index = 0
    while index + prefix.count + 3 < bytes.count {
      guard bytes[index] == 0xEE, bytes[index + 1] == 0x80, bytes[index + 2] == 0x82,
        index >= prefix.count, bytes[(index - prefix.count)..<index].elementsEqual(prefix)
      else {
        index += 1
        continue
      }
      var cursor = index + 3
      var number = 0
      while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, number < count {
        number = number * 10 + Int(bytes[cursor] - 0x30)
        cursor += 1
      }
      if cursor + 2 < bytes.count, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x83,
        cursor > index + 3, number < count
      {
        found.append((index, cursor + 3, number))
        index = cursor + 3
      } else {
        index += 3
      }
    }
    return found
  }

  /// An id as an attribute value (an author's id may hold any character).
  private static func escaped(_ id: String) -> String {
    AttributeList.escape(id)
  }
}

/// HTML fragments that the extension passes hand past cmark-gfm, which would escape or filter them.
///
/// A pass puts a marker (two private-use characters around a number) into the markdown or into a
/// text node, and records the HTML it stands for. cmark-gfm copies the marker through unchanged;
/// `substitute(into:)` then swaps each marker for its HTML in one linear pass over the page. An
/// entry may name the wrapper cmark-gfm put around the marker (`<p>` for a block standing alone,
/// `<code>` for inline code), which is then dropped, or the element whose opening tag receives
/// attributes (attribute lists).
struct MarkdownPlaceholders {
  /// What a marker turns into.
  enum Entry {
    /// HTML put in place of the marker; `wrapper` is dropped when it surrounds the marker exactly.
    case html(String, wrapper: (open: String, close: String)?)
    /// Attributes added to the latest opening tag named `element` before the marker.
    case attributes(String, element: String)
  }

  static let open: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"

  private(set) var entries: [Entry] = []

  /// Records `html` and returns the marker standing for it.
  mutating func marker(for html: String, wrapper: (open: String, close: String)? = nil) -> String {
    entries.append(.html(html, wrapper: wrapper))
    return Self.marker(entries.count - 1)
  }

  /// Records attributes for the latest `element` tag before the marker and returns the marker.
  mutating func attributeMarker(_ attributes: String, element: String) -> String {
    entries.append(.attributes(attributes, element: element))
    return Self.marker(entries.count - 1)
  }

  /// Replaces the HTML of the entry at `index` (a block that grows, as a definition list).
  mutating func replace(_ index: Int, with html: String) {
    guard entries.indices.contains(index), case .html(_, let wrapper) = entries[index] else { return }
    entries[index] = .html(html, wrapper: wrapper)
  }

  /// The entry number of a line that is exactly one marker, after any indentation.
  static func markerIndex(_ line: String) -> Int? {
    let scalars = line.unicodeScalars.drop { $0 == " " }
    guard scalars.first == open, scalars.last == close, scalars.count > 2 else { return nil }
    return Int(String(String.UnicodeScalarView(scalars.dropFirst().dropLast())))
  }

  static func marker(_ index: Int) -> String {
    "\(Character(open))\(index)\(Character(close))"
  }

  /// Removes the marker characters (these and `HeadingIDAssigner`'s) from author text, so only
  /// the passes can place markers.
  static func strip(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isMarkerCharacter) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isMarkerCharacter(scalar) { result.append(scalar) }
    return String(result)
  }

  private static func isMarkerCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= open.value && scalar.value <= HeadingIDAssigner.close.value
  }

  /// Replaces every marker in `html` with its entry.
  func substitute(into html: String) -> String {
    guard !entries.isEmpty else { return html }
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var index = 0
    // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81.
    while index < bytes.count {
      guard bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 else {
        out.append(bytes[index])
        index += 1
        continue
      }
      var cursor = index + 3
      var number = 0
      while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, number < 1 << 40 {
        number = number * 10 + Int(bytes[cursor] - 0x30)
        cursor += 1
      }
      let closes =
        cursor + 2 < bytes.count && bytes[cursor] == 0xEE && bytes[cursor + 1] == 0x80
        && bytes[cursor + 2] == 0x81
      guard closes, number < entries.count else {
        index += 3
        continue
      }
      index = cursor + 3
      apply(entries[number], to: &out, source: bytes, index: &index)
    }
    return String(decoding: out, as: UTF8.self)
  }

  private func apply(_ entry: Entry, to out: inout [UInt8], source: [UInt8], index: inout Int) {
    switch entry {
    case .html(let html, let wrapper):
      if let wrapper {
        let openBytes = Array(wrapper.open.utf8)
        let closeBytes = Array(wrapper.close.utf8)
        if out.count >= openBytes.count, out[(out.count - openBytes.count)...].elementsEqual(openBytes),
          index + closeBytes.count <= source.count, source[index..<index + closeBytes.count].elementsEqual(closeBytes)
        {
          out.removeLast(openBytes.count)
          index += closeBytes.count
          // A block stands on its own line, as cmark-gfm writes blocks.
          if index < source.count, source[index] == UInt8(ascii: "\n"), wrapper.open == "<p>" {
            out += Array(html.utf8)
            return
          }
        }
      }
      out += Array(html.utf8)
    case .attributes(let attributes, let element):
      insertAttributes(attributes, element: element, into: &out)
    }
  }

  /// Adds attributes after the name of the latest `<element` tag in `out` (a bounded look back:
  /// the marker sits at the end of the element it decorates).
  private func insertAttributes(_ attributes: String, element: String, into out: inout [UInt8]) {
    let needle = Array("<\(element)".utf8)
    var position = out.count - needle.count
    while position >= 0 {
      if out[position] == UInt8(ascii: "<"), out[position..<position + needle.count].elementsEqual(needle) {
        let after = position + needle.count
        if after < out.count,
          out[after] == UInt8(ascii: " ") || out[after] == UInt8(ascii: ">")
            || out[after] == UInt8(ascii: "/")
        {
          out.insert(contentsOf: Array(attributes.utf8), at: after)
          return
        }
      }
      position -= 1
    }
  }
}

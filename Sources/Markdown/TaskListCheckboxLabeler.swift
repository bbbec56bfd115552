/// Gives the task-list checkboxes cmark-gfm writes (`- [x] done`) an accessible name.
///
/// cmark-gfm's tasklist extension renders each item's box as a bare, disabled `<input>` with no
/// label, which screen readers announce as an unnamed control (axe-core: `label`, critical).
/// Its output is always exactly one of the two tags below, so they are matched literally; the
/// box's own checked state tells whether the task is done.
enum TaskListCheckboxLabeler {
  static let done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
  static let open = "<input type=\"checkbox\" disabled=\"\" />"

  static let marker: [UInt8] = Array("type=\"checkbox\"".utf8)

  static func label(_ html: String) -> String {
    guard containsCheckbox(html) else { return html }
    return html
      .replacing(done, with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Task\" />")
      .replacing(open, with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"Task\" />")
  }

  /// Whether the page's UTF-8 bytes contain `type="checkbox"`: nearly every page has none.
  ///
  /// A plain byte loop: with Foundation imported `String.contains` converts the page to UTF-16,
  /// and the standard library's `firstRange(of:)` instantiates generic metadata and builds a
  /// Z-array on every call, which was a quarter of the time of rendering a small page.
  static func containsCheckbox(_ html: String) -> Bool {
    var html = html
    return html.withUTF8 { bytes in
      let last = bytes.count - marker.count
      guard last >= 0 else { return false }
      return marker.withUnsafeBufferPointer { needle in
        var start = 0
        candidates: while start <= last {
          for offset in 0..<needle.count where bytes[start + offset] != needle[offset] {
            start += 1
            continue candidates
          }
          return true
        }
        return false
      }
    }
  }
}

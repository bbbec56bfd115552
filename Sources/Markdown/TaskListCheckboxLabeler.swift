/// Gives the task-list checkboxes cmark-gfm writes (`- [x] done`) an accessible name, and on
/// TechDocs pages the markup `pymdownx.tasklist` writes with `custom_checkbox` (as techdocs-core
/// sets it), so Material's styles apply.
///
/// cmark-gfm's tasklist extension renders each item's box as a bare, disabled `<input>` with no
/// label, which screen readers announce as an unnamed control (axe-core: `label`, critical).
/// Its output is always exactly one of the two tags below, so they are matched literally; the
/// box's own checked state tells whether the task is done. The renderer calls it only for pages
/// whose tree has a task item, so other pages are not searched; on such a page, raw HTML (when
/// allowed) written exactly like one of these boxes is labelled too.
enum TaskListCheckboxLabeler {
  static let done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
  static let open = "<input type=\"checkbox\" disabled=\"\" />"
  static let labelledDone = "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Task\" />"
  static let labelledOpen = "<input type=\"checkbox\" disabled=\"\" aria-label=\"Task\" />"

  static func label(_ html: String) -> String {
    html.replacing(done, with: labelledDone).replacing(open, with: labelledOpen)
  }

  /// Material's task items: `<li class="task-list-item">` holding the box and an indicator in a
  /// `<label class="task-list-control">`, in a list of class `task-list`.
  static func materialMarkup(_ html: String) -> String {
    let items: [(cmark: [UInt8], material: [UInt8])] = [
      (Array("<li>\(done)".utf8), Array(materialItem(labelledDone).utf8)),
      (Array("<li>\(open)".utf8), Array(materialItem(labelledOpen).utf8)),
    ]
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 512)
    // Where each open list's tag name ends in `out`, and whether it holds a task item.
    var lists: [(end: Int, hasTasks: Bool)] = []
    var marked: [Int] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "<") else {
        out.append(bytes[index])
        index += 1
        continue
      }
      if let item = items.first(where: { starts(bytes, at: index, with: $0.cmark) }) {
        if !lists.isEmpty { lists[lists.count - 1].hasTasks = true }
        out += item.material
        index += item.cmark.count
      } else if starts(bytes, at: index, with: Array("<ul".utf8)) || starts(bytes, at: index, with: Array("<ol".utf8)) {
        out += bytes[index..<index + 3]
        lists.append((out.count, false))
        index += 3
      } else if starts(bytes, at: index, with: Array("</ul>".utf8))
        || starts(bytes, at: index, with: Array("</ol>".utf8))
      {
        if let list = lists.popLast(), list.hasTasks { marked.append(list.end) }
        out.append(bytes[index])
        index += 1
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    for position in marked.sorted(by: >) { out.insert(contentsOf: Array(" class=\"task-list\"".utf8), at: position) }
    return String(decoding: out, as: UTF8.self)
  }

  private static func materialItem(_ box: String) -> String {
    "<li class=\"task-list-item\"><label class=\"task-list-control\">\(box)"
      + "<span class=\"task-list-indicator\"></span></label>"
  }

  private static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
    index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
  }
}

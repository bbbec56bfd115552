/// Gives the task-list checkboxes cmark-gfm writes (`- [x] done`) an accessible name.
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

  static func label(_ html: String) -> String {
    html
      .replacing(done, with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Task\" />")
      .replacing(open, with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"Task\" />")
  }
}

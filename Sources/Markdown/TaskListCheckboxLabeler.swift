/// Gives the task-list checkboxes cmark-gfm writes (`- [x] done`) an accessible name.
///
/// cmark-gfm's tasklist extension renders each item's box as a bare, disabled `<input>` with no
/// label, which screen readers announce as an unnamed control (axe-core: `label`, critical).
/// Its output is always exactly one of the two tags below, so they are matched literally; the
/// box's own checked state tells whether the task is done.
enum TaskListCheckboxLabeler {
  static let done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
  static let open = "<input type=\"checkbox\" disabled=\"\" />"

  static let marker = Array("type=\"checkbox\"".utf8)

  static func label(_ html: String) -> String {
    // Searched in the UTF-8 bytes: with Foundation imported, `String.contains` goes through
    // NSString, converting every page to UTF-16 to find out it has no task list.
    guard html.utf8.firstRange(of: marker) != nil else { return html }
    return html
      .replacing(done, with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Task\" />")
      .replacing(open, with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"Task\" />")
  }
}

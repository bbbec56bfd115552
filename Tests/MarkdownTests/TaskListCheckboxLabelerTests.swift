import Testing

@testable import Markdown

@Suite struct TaskListCheckboxLabelerTests {
  @Test(arguments: [
    ("", false),
    ("type=\"checkbox", false),
    ("type=\"checkbox\"", true),
    ("<p>é</p><input type=\"checkbox\" />", true),
    ("<input type=\"checkbo\" /><p>type=\"checkbox\"</p>", true),
    ("type=\"checkboxtype=\"checkbo", false),
    ("type=\"checkbotype=\"checkbox\"", true),
    ("<input type=\"radio\" /> type=\"check box\"", false),
  ])
  func findsTheMarkerAnywhereInThePage(html: String, expected: Bool) {
    #expect(TaskListCheckboxLabeler.containsCheckbox(html) == expected)
  }

  @Test func leavesAPageWithoutCheckboxesAsItIs() {
    let html = "<p>type=&quot;checkbox&quot;</p>\n"
    #expect(TaskListCheckboxLabeler.label(html) == html)
  }
}

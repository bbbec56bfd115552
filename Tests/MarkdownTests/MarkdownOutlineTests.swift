import Markdown
import Testing

@Suite struct MarkdownOutlineTests {
  @Test func nestsHeadingsByLevelAndSkipsTheTitle() {
    let headings = MarkdownRenderer().render("# Title\n## A\n### A1\n### A2\n## B\n#### deep\n### B1\n").headings
    let outline = MarkdownOutline(headings: headings)
    #expect(outline.entries.map(\.heading.anchor) == ["a", "b"])
    #expect(outline.entries[0].children.map(\.heading.anchor) == ["a1", "a2"])
    #expect(outline.entries[1].children.map(\.heading.anchor) == ["b1"])
  }

  @Test func keepsALevelThreeHeadingWithoutAParentAtTheTop() {
    let headings = MarkdownRenderer().render("# Title\n### Early\n## Later\n").headings
    #expect(MarkdownOutline(headings: headings).entries.map(\.heading.text) == ["Early", "Later"])
  }
}

import Testing

@testable import WaymarkRendering

/// The layout key check's tag reader: every tag's role, name, line and column.
@Suite struct LayoutTagScannerTests {
  typealias Tag = LayoutTagScanner.Tag

  @Test func readsEachTagWithItsPlace() {
    let text =
      "<h1>{{ page.title }}</h1>\n{{! a note }}{{{body}}} {{& raw}}\n  {{#items}}{{> row}}{{/items}}{{^none}}é{{x}}"
    #expect(
      LayoutTagScanner.tags(in: text) == [
        Tag(role: .variable, name: "page.title", line: 1, column: 5),
        Tag(role: .comment, name: "a note", line: 2, column: 1),
        Tag(role: .variable, name: "body", line: 2, column: 14),
        Tag(role: .variable, name: "raw", line: 2, column: 25),
        Tag(role: .section, name: "items", line: 3, column: 3),
        Tag(role: .partial, name: "row", line: 3, column: 13),
        Tag(role: .close, name: "items", line: 3, column: 22),
        Tag(role: .invertedSection, name: "none", line: 3, column: 32),
        Tag(role: .variable, name: "x", line: 3, column: 42),
      ])
  }

  @Test func aMultiLineTagMovesTheLineOn() {
    #expect(
      LayoutTagScanner.tags(in: "{{!\nlong\n}}\n{{y}}") == [
        Tag(role: .comment, name: "long", line: 1, column: 1), Tag(role: .variable, name: "y", line: 4, column: 1),
      ])
  }

  @Test func changedDelimitersAreNotFollowed() {
    #expect(LayoutTagScanner.tags(in: "{{=<% %>=}}<% x %>") == nil)
  }
}

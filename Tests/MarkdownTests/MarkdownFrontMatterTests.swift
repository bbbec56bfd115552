import Markdown
import Testing

@Suite struct MarkdownFrontMatterTests {
  @Test func splitsTheYAMLAndBlanksItsLinesInTheBody() {
    let split = MarkdownFrontMatter(splitting: "---\ntitle: Setup\ntags: [a]\n---\n# Setup\n")
    #expect(split.yaml == "title: Setup\ntags: [a]\n")
    #expect(split.yamlLine == 2)
    #expect(split.body == "\n\n\n\n# Setup\n")
    #expect(MarkdownRenderer().render(split.body).headings.map(\.line) == [5])
  }

  @Test func closesWithDotsAndKeepsTextWithoutFrontMatterAsItIs() {
    #expect(MarkdownFrontMatter(splitting: "---\na: 1\n...\nbody").yaml == "a: 1\n")
    let plain = MarkdownFrontMatter(splitting: "# Title\n---\n")
    #expect(plain.yaml == nil)
    #expect(plain.body == "# Title\n---\n")
    let unclosed = MarkdownFrontMatter(splitting: "---\ntitle: x\n")
    #expect(unclosed.yaml == nil)
    #expect(unclosed.body == "---\ntitle: x\n")
  }

  @Test func acceptsWindowsLineEndings() {
    let split = MarkdownFrontMatter(splitting: "---\r\ntitle: x\r\n---\r\nbody\r\n")
    #expect(split.yaml == "title: x\n")
    #expect(split.body == "\n\n\nbody\n")
  }

  @Test(arguments: [
    ("---\na: 1\n---", "a: 1\n", "\n\n"),
    ("---\na: 1\n---\n", "a: 1\n", "\n\n\n"),
    ("---  \n---\n# x", "\n", "\n\n# x"),
    ("---\r\na: 1\n---\r\nx\ry\r\r\nz\r\n", "a: 1\n", "\n\n\nx\ry\r\nz\n"),
    ("---\na: é\n---\n\u{301}é\n", "a: é\n", "\n\n\n\u{301}é\n"),
  ])
  func blanksTheFrontMatterAndKeepsTheRestLineForLine(text: String, yaml: String, body: String) {
    let split = MarkdownFrontMatter(splitting: text)
    #expect(split.yaml == yaml)
    #expect(split.body == body)
  }
}

import Markdown
import Testing

/// Markdown inside raw HTML elements (`md_in_html`), under both raw-HTML policies.
@Suite struct MarkdownInHTMLTests {
  let renderer = MarkdownRenderer(rendersTechDocsExtensions: true)

  @Test func rendersMarkdownInsideHTMLElementsThatAskForIt() {
    let unsafe = MarkdownRenderer(allowsRawHTML: true, rendersTechDocsExtensions: true)
    let page = """
      <div markdown class="grid cards" onclick="x()">
      ## Cards

      <section markdown="block">
      - **one**
      </section>
      <div markdown="1">*nested*</div>
      </div>

      <p markdown="span" title="a&quot;">*inline*</p>
      <div class="raw">*kept*</div>

      """
    #expect(
      unsafe.render(page).html == """
        <div class="grid cards">
        <h2 id="cards">Cards</h2>
        <section>
        <ul>
        <li><strong>one</strong></li>
        </ul>
        </section>
        <div>
        <p><em>nested</em></p>
        </div>
        </div>
        <p title="a&amp;quot;"><em>inline</em></p>
        <div class="raw">*kept*</div>

        """)
  }

  @Test func omitsTheElementsOfMarkdownInHTMLUnderTheRawHTMLPolicy() {
    #expect(
      renderer.render("<div markdown=\"1\" onclick=\"x()\">\n*a*\n</div>\n<p markdown>b</p>\n").html == """
        <!-- raw HTML omitted -->
        <p><em>a</em></p>
        <!-- raw HTML omitted -->
        <!-- raw HTML omitted -->
        <p>b</p>
        <!-- raw HTML omitted -->

        """)
    // Unclosed: an ordinary raw HTML block.
    #expect(renderer.render("<div markdown>\n*a*\n").html == "<!-- raw HTML omitted -->\n")
    #expect(renderer.render("<pre markdown>\n*a*\n</pre>\n").html == "<!-- raw HTML omitted -->\n")
  }

  @Test func keepsTheLineNumbersOfMarkdownInHTML() {
    let result = renderer.render("<div markdown>\n\n## Inside\n\n</div>\n## After\n")
    #expect(result.headings.map(\.line) == [3, 6])
  }

  @Test func leavesElementsNestedTooDeeplyAsRawHTML() {
    let deep = String(repeating: "<div markdown>\n", count: 33) + "*a*\n" + String(repeating: "</div>\n", count: 33)
    #expect(renderer.render(deep).html == "<!-- raw HTML omitted -->\n")
    let allowed = String(repeating: "<div markdown>\n", count: 3) + "*a*\n" + String(repeating: "</div>\n", count: 3)
    #expect(
      MarkdownRenderer(allowsRawHTML: true, rendersTechDocsExtensions: true).render(allowed).html
        == "<div>\n<div>\n<div>\n<p><em>a</em></p>\n</div>\n</div>\n</div>\n")
  }
}

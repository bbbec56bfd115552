import Markdown
import Testing

@Suite struct MarkdownDocsFeatureTests {
  @Test func rendersFootnotes() {
    let html = MarkdownRenderer().render("Claim[^1].\n\n[^1]: Source.\n").html
    #expect(
      html == """
        <p>Claim<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>.</p>
        <section class="footnotes" data-footnotes>
        <ol>
        <li id="fn-1">
        <p>Source. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
        </li>
        </ol>
        </section>

        """)
  }

  @Test func countsWordsOfProseButNotOfCodeBlocks() {
    let result = MarkdownRenderer().render(
      "# Two words\n\nOne **bold**ly `code` [link text](x.md).\n\n```\nnot counted here\n```\n")
    #expect(result.words == 7)
  }

  @Test func reportsDangerousLinksAsSuch() {
    #expect(
      MarkdownRenderer.isDangerous(
        MarkdownLink(destination: " JavaScript:alert(1)", isImage: false, line: 1, column: 1)))
    #expect(!MarkdownRenderer.isDangerous(MarkdownLink(destination: "guide.md", isImage: false, line: 1, column: 1)))
  }
}

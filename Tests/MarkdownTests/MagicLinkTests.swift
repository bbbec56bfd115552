import Markdown
import Testing

/// Magic links and GitHub alerts on TechDocs pages, each against what mkdocs + techdocs-core
/// (pymdown-extensions 11.0.1, mkdocs-github-admonitions-plugin 0.1.1) writes for the same text.
@Suite struct MagicLinkTests {
  let renderer = MarkdownRenderer(rendersTechDocsExtensions: true)

  func html(_ markdown: String) -> String { renderer.render(markdown).html }

  @Test func linksBareAddressesEndingWhereMagiclinkEndsThem() {
    #expect(
      html("See https://example.com/a_(b)) and www.example.com/docs, or ftp://files.example.com/f.tgz.")
        == """
        <p>See <a href="https://example.com/a_(b">https://example.com/a_(b</a>)) and \
        <a href="http://www.example.com/docs">www.example.com/docs</a>, or \
        <a href="ftp://files.example.com/f.tgz">ftp://files.example.com/f.tgz</a>.</p>

        """)
    #expect(
      html("Query https://example.com/q?a=1&b=2#top; then http://example.com/x_y_ end.") == """
        <p>Query <a href="https://example.com/q?a=1&amp;b=2#top">https://example.com/q?a=1&amp;b=2#top</a>; then \
        <a href="http://example.com/x_y">http://example.com/x_y</a>_ end.</p>

        """)
  }

  @Test func anEscapedCharacterEndsAnAddressAndOnlyPythonMarkdownEscapesLoseTheirBackslash() {
    #expect(
      html("A https://example.com/a\\_b/c and https://example.com/q?x=1\\&y=2 and a\\_b@example.com.\n") == """
        <p>A <a href="https://example.com/a">https://example.com/a</a>_b/c and \
        <a href="https://example.com/q?x=1">https://example.com/q?x=1</a>\\&amp;y=2 and \
        a_<a href="mailto:b@example.com">b@example.com</a>.</p>

        """)
    #expect(
      html("\\~\\~not deleted\\~\\~ and \\=\\=not marked\\=\\= and a\\@b and 5 \\$ and \\\\ done.\n")
        == "<p>~~not deleted~~ and ==not marked== and a\\@b and 5 \\$ and \\ done.</p>\n")
  }

  @Test func linksMailAddressesButNotMentionsOrReferences() {
    #expect(
      html("Mail first.last+tag@mail.example.co.uk. Not a@b, @octocat, #123 or octo/repo#12.") == """
        <p>Mail <a href="mailto:first.last+tag@mail.example.co.uk">first.last+tag@mail.example.co.uk</a>. \
        Not a@b, @octocat, #123 or octo/repo#12.</p>

        """)
  }

  @Test func leavesCodeAndLinksAloneAndKeepsOtherExtensionsOutOfAddresses() {
    #expect(
      html("`https://example.com/code` and [see https://example.com/in](https://example.com/out)") == """
        <p><code>https://example.com/code</code> and <a href="https://example.com/out">see https://example.com/in</a></p>

        """)
    #expect(
      html("https://example.com/1/2/(c) and 1/2 ==https://example.com/m==") == """
        <p><a href="https://example.com/1/2/(c">https://example.com/1/2/(c</a>) and ½ \
        ==<a href="https://example.com/m==">https://example.com/m==</a></p>

        """)
    #expect(
      html("https://example.com/a*b* and xhttps://example.com/v") == """
        <p><a href="https://example.com/a">https://example.com/a</a><em>b</em> and xhttps://example.com/v</p>

        """)
  }

  @Test func readsTechDocsBlocksOnPagesWithCRLFLineBreaks() {
    let lf = "!!! note \"Title\"\n    Body with https://example.com/x.\n\n=== \"A\"\n\n    One.\n"
    #expect(html(lf.replacingOccurrences(of: "\n", with: "\r\n")) == html(lf))
    #expect(html(lf).hasPrefix("<div class=\"admonition note\">"))
  }

  @Test func turnsGitHubAndGitLabAlertsIntoAdmonitions() {
    #expect(
      GitHubAlertConverter.convert("> [!CAUTION]\n> Be careful.\n>\n> Really.\nafter\n")
        == "!!! danger \"Caution\"\n    Be careful.\n    \n    Really.\nafter\n")
    #expect(
      GitHubAlertConverter.convert("> [!tip] Own title\n> Body.\n")
        == "!!! tip \"Own title\"\n    Body.\n")
    #expect(
      GitHubAlertConverter.convert(">>> [!important]\n\nLine one.\n- item\n>>>\nafter")
        == "!!! warning \"Important\"\n    Line one.\n    - item\n\n\nafter")
    let fenced = "```\n> [!NOTE]\n> Kept.\n```\n"
    #expect(GitHubAlertConverter.convert(fenced) == fenced)
    #expect(GitHubAlertConverter.convert("> [!NOTE]\n") == "> [!NOTE]\n")
    #expect(GitHubAlertConverter.convert("> [!FYI]\n> x\n") == "> [!FYI]\n> x\n")
  }
}

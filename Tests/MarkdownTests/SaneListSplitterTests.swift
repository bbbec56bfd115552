import Markdown
import Testing

/// Lists and block quotes split and joined as mkdocs (Python-Markdown with `mdx_truly_sane_lists`)
/// does; each expectation is the HTML `mkdocs build` with techdocs-core wrote for the markdown.
@Suite struct SaneListSplitterTests {
  let renderer = MarkdownRenderer(rendersTechDocsExtensions: true)

  @Test func aBlankLineEndsABulletListAndBulletsWithoutOneStayOneList() {
    #expect(
      renderer.render("- a\n- b\n\n- c\n* d\n").html == """
        <ul>
        <li>a</li>
        <li>b</li>
        </ul>
        <ul>
        <li>c</li>
        <li>d</li>
        </ul>

        """)
  }

  @Test func aNestedListAfterABlankLineStartsAnotherTopLevelList() {
    #expect(
      renderer.render("- a\n  - x\n\n- b\n\n---\n\n* * *\n").html == """
        <ul>
        <li>a
        <ul>
        <li>x</li>
        </ul>
        </li>
        </ul>
        <ul>
        <li>b</li>
        </ul>
        <hr />
        <hr />

        """)
  }

  @Test func anOrderedListContinuesAcrossABlankLineWithParagraphsOnlyAroundIt() {
    #expect(
      renderer.render("1. one\n2. two\n\n1. three\n2. four\n").html == """
        <ol>
        <li>one</li>
        <li><p>two</p></li>
        <li><p>three</p></li>
        <li>four</li>
        </ol>

        """)
  }

  @Test func blockQuotesSeparatedByBlankLinesAreOneQuote() {
    #expect(
      renderer.render("> quote one\n\n> quote two\n\nafter\n\n> three\n").html == """
        <blockquote>
        <p>quote one</p>
        <p>quote two</p>
        </blockquote>
        <p>after</p>
        <blockquote>
        <p>three</p>
        </blockquote>

        """)
  }

  @Test func codeIsLeftAlone() {
    #expect(
      renderer.render("Text\n\n    - a\n\n    - b\n\n```\n- c\n\n- d\n```\n").html == """
        <p>Text</p>
        <pre><code>- a

        - b
        </code></pre>
        <div class="language-text highlight"><pre><span></span><code>- c

        - d
        </code></pre></div>

        """)
  }
}

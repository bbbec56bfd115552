import Markdown
import Testing

/// The TechDocs extensions, each against the HTML mkdocs (Python-Markdown + pymdownx) writes.
@Suite struct MarkdownTechDocsExtensionTests {
  let renderer = MarkdownRenderer(rendersTechDocsExtensions: true)

  func html(_ markdown: String) -> String { renderer.render(markdown).html }

  @Test func rendersAdmonitionsWithCustomDefaultAndEmptyTitlesAndNesting() {
    let markdown = """
      !!! note "Heads up"
          Body **bold**.

          !!! warning
              Nested.

      !!! tip ""
          No title.
      """
    #expect(
      html(markdown) == """
        <div class="admonition note">
        <p class="admonition-title">Heads up</p>
        <p>Body <strong>bold</strong>.</p>
        <div class="admonition warning">
        <p class="admonition-title">Warning</p>
        <p>Nested.</p>
        </div>
        </div>
        <div class="admonition tip">
        <p>No title.</p>
        </div>

        """)
  }

  @Test func rendersCollapsibleBlocksClosedAndOpen() {
    #expect(
      html("??? info \"Closed\"\n    Hidden.\n\n???+ danger\n    Open.\n") == """
        <details class="info">
        <summary>Closed</summary>
        <p>Hidden.</p>
        </details>
        <details class="danger" open="open">
        <summary>Danger</summary>
        <p>Open.</p>
        </details>

        """)
  }

  @Test func rendersContentTabsAsRadioInputsAndLabels() {
    let markdown = "=== \"Python\"\n\n    ```python\n    print(1)\n    ```\n\n=== \"JS\"\n    Text\n"
    #expect(
      html(markdown) == """
        <div class="tabbed-set tabbed-alternate" data-tabs="1:2" role="radiogroup" aria-label="Tabs">\
        <input checked="checked" \
        id="__tabbed_1_1" \
        name="__tabbed_1" type="radio" /><input id="__tabbed_1_2" name="__tabbed_1" type="radio" />\
        <div class="tabbed-labels"><label for="__tabbed_1_1">Python</label><label for="__tabbed_1_2">JS</label></div>
        <div class="tabbed-content">
        <div class="tabbed-block">
        <div class="language-python highlight"><pre><span></span><code>print(1)
        </code></pre></div>
        </div>
        <div class="tabbed-block">
        <p>Text</p>
        </div>
        </div>
        </div>

        """)
  }

  @Test func rendersDefinitionListsTightAndLooseAsOneList() {
    #expect(
      html("Term\n:   Definition\n\nTerm 2\n\n:   Loose def\n") == """
        <dl>
        <dt>Term</dt>
        <dd>Definition</dd>
        <dt>Term 2</dt>
        <dd>
        <p>Loose def</p>
        </dd>
        </dl>

        """)
  }

  @Test func rendersInlineExtensions() {
    let markdown =
      "The HTML spec. :smile: :material-account: ==mark== ^^ins^^ H^2^O ~~del~~ H~2~O (tm) --> 1st\n\n"
      + "{++add++} {--rm--} {~~a~>b~~} {==hl==} {>>c<<}\n\n*[HTML]: Hyper Text Markup Language\n"
    #expect(
      html(markdown) == """
        <p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec. <span class="emojione" title=":smile:">😄</span> \
        :material-account: <mark>mark</mark> <ins>ins</ins> H<sup>2</sup>O <del>del</del> H<sub>2</sub>O ™ → \
        1<sup>st</sup></p>
        <p><ins class="critic">add</ins> <del class="critic">rm</del> <del class="critic">a</del><ins class="critic">b</ins> \
        <mark class="critic">hl</mark> <span class="critic comment">c</span></p>

        """)
  }

  /// Ordinals with any digit, in text holding nothing else an extension starts with (as
  /// pymdownx.smartsymbols writes them).
  @Test func rendersOrdinalsOfEveryDigit() {
    #expect(html("The 2nd time and the 4th row") == "<p>The 2<sup>nd</sup> time and the 4<sup>th</sup> row</p>\n")
    #expect(html("the 10th day") == "<p>the 10<sup>th</sup> day</p>\n")
  }

  @Test func appliesSafeAttributeListsToHeadingsParagraphsLinksAndImages() {
    let markdown = """
      ## Head {: #custom .cls }

      A para
      {: .lead onclick="x" }

      [link](https://x.com){: target=_blank onmouseover=x href="javascript:y" } ![i](a.png){: width=40 style="background:url(x)" }
      """
    let result = renderer.render(markdown)
    #expect(result.headings.map(\.anchor) == ["custom"])
    #expect(
      result.html == """
        <h2 class="cls" id="custom">Head</h2>
        <p class="lead">A para</p>
        <p><a target="_blank" href="https://x.com">link</a> <img width="40" src="a.png" alt="i" /></p>

        """)
  }

  @Test func rendersFenceOptionsAndInlineHighlight() {
    let markdown = "```python title=\"a.py\" linenums=\"1\" hl_lines=\"2\"\na = 1\nb = 2\n```\n\n`#!python x`\n"
    #expect(
      html(markdown) == """
        <div class="language-python highlight"><span class="filename">a.py</span><pre><span></span><code>\
        <span class="linenos" data-linenos="1 "></span>a = 1
        <span class="linenos" data-linenos="2 "></span><span class="hll">b = 2
        </span></code></pre></div>
        <p><code class="language-python highlight">x</code></p>

        """)
  }

  @Test func publishesMermaidForAClientSideRenderer() {
    #expect(
      html("```mermaid\ngraph TD; A-->B\n```\n") == "<pre class=\"mermaid\"><code>graph TD; A--&gt;B\n</code></pre>\n")
  }

  @Test func leavesSyntaxInsideCodeAlone() {
    #expect(
      html("```\n!!! note\n    x\n==y==\n```\n")
        == "<div class=\"language-text highlight\"><pre><span></span><code>!!! note\n    x\n==y==\n</code></pre></div>\n"
    )
    #expect(html("`==y== :smile:`\n") == "<p><code>==y== :smile:</code></p>\n")
  }

  @Test func escapesTitlesLabelsAndKeepsRawHTMLFiltered() {
    #expect(
      html("!!! note \"a <script>x</script> & b\"\n    <img src=x onerror=alert(1)>\n") == """
        <div class="admonition note">
        <p class="admonition-title">a <!-- raw HTML omitted -->x<!-- raw HTML omitted --> &amp; b</p>
        <!-- raw HTML omitted -->
        </div>

        """)
  }

  @Test func ignoresMarkerCharactersWrittenByTheAuthor() {
    #expect(html("a \u{E000}0\u{E001} b\n") == "<p>a 0 b</p>\n")
  }

  @Test func keepsHeadingLinesAndLinksOfNestedBlocks() {
    let result = renderer.render("# Top\n\n!!! note\n    ## Inside\n\n    [x](a.md)\n\n## After\n")
    #expect(result.headings.map(\.anchor) == ["top", "inside", "after"])
    #expect(result.headings.map(\.line) == [1, 4, 8])
    #expect(result.links.map(\.line) == [6])
  }
}

/// Diagrams: rendered by the closure the renderer is given, sanitised, or kept as code and listed.
@Suite struct MarkdownDiagramTests {
  static let hostileSVG = """
    <?xml version="1.0"?><!DOCTYPE svg><!-- Generated by a tool -->
    <svg width="10pt" onload="alert(1)" xmlns:xlink="http://www.w3.org/1999/xlink"><script>alert(2)</script>\
    <g id="a" class="node"><title>a&amp;b</title><a xlink:href="https://evil.example/" href="#n1">\
    <text x="1" style="fill:url(https://x)" onclick="x">A</text></a><foreignObject><div>html</div></foreignObject>\
    <use href="#a"/></g></svg>
    """

  @Test func inlinesTheSanitisedSVGOfDotFencesAndInlineGraphviz() {
    let renderer = MarkdownRenderer(
      rendersTechDocsExtensions: true,
      renderDiagram: { diagram in
        diagram.source.contains("a -> b") ? Self.hostileSVG : nil
      })
    let result = renderer.render("```dot\ndigraph { a -> b }\n```\n\n{% neato g.svg\n  digraph { a -> b }\n%}\n")
    let svg = """
      <svg width="10pt" xmlns:xlink="http://www.w3.org/1999/xlink"><g id="a" class="node"><title>a&amp;b</title>\
      <a href="#n1"><text x="1">A</text></a><use href="#a" /></g></svg>
      """
    #expect(
      result.html
        == "<div class=\"diagram diagram-graphviz\">\(svg)</div>\n<div class=\"diagram diagram-graphviz\">\(svg)</div>\n"
    )
    #expect(result.unrenderedDiagrams == [])
  }

  @Test func keepsUnrenderedDiagramsAsCodeAndListsThem() {
    let renderer = MarkdownRenderer(rendersTechDocsExtensions: true, renderDiagram: { _ in nil })
    let result = renderer.render("# T\n\n```plantuml\nA -> B\n```\n\n{% dot x.svg\ndigraph {}\n%}\n")
    #expect(
      result.html == """
        <h1 id="t">T</h1>
        <div class="language-plantuml highlight"><pre><span></span><code>A -&gt; B
        </code></pre></div>
        <div class="language-dot highlight"><pre><span></span><code>digraph {}
        </code></pre></div>

        """)
    #expect(
      result.unrenderedDiagrams == [
        MarkdownDiagram(language: "plantuml", engine: "plantuml", source: "A -> B\n", line: 3),
        MarkdownDiagram(language: "dot", engine: "dot", source: "digraph {}\n", line: 7),
      ])
  }
}

/// Spans across inline nodes and Python-Markdown's tight definitions.
@Suite struct MarkdownTechDocsSpanTests {
  let renderer = MarkdownRenderer(rendersTechDocsExtensions: true)

  @Test func pairsDelimitersAroundInlineCode() {
    #expect(
      renderer.render("~~The `--legacy` flag~~ is gone; ==a `b`== c\n").html
        == "<p><del>The <code>--legacy</code> flag</del> is gone; <mark>a <code>b</code></mark> c</p>\n")
    #expect(renderer.render("a ~~ b `c` d ~~ e\n").html == "<p>a ~~ b <code>c</code> d ~~ e</p>\n")
    // As mkdocs: each span closes at its own `~~`, not at the last one of the paragraph.
    #expect(
      renderer.render("Gone: ~~old `v1` api~~ was removed; ~~old `v2` api~~ too; ~~old `v3` api~~ also.\n").html
        == "<p>Gone: <del>old <code>v1</code> api</del> was removed; <del>old <code>v2</code> api</del> too; "
        + "<del>old <code>v3</code> api</del> also.</p>\n")
  }

  @Test func titlesThatLookLikeBlocksStayText() {
    let markdown = """
      !!! note "# Not a heading"
          Body.

      !!! tip "1. First"
          Body.

      !!! info "- dash"
          Body.

      !!! warning "*Emphasis* kept"
          Body.
      """
    let titles = renderer.render(markdown).html.split(separator: "\n").filter { $0.contains("admonition-title") }
    #expect(
      titles == [
        "<p class=\"admonition-title\"># Not a heading</p>", "<p class=\"admonition-title\">1. First</p>",
        "<p class=\"admonition-title\">- dash</p>", "<p class=\"admonition-title\"><em>Emphasis</em> kept</p>",
      ])
    #expect(renderer.render(markdown).headings.isEmpty)
    #expect(renderer.render("=== \"> Quote tab\"\n\n    Tab body.\n").html.contains(">&gt; Quote tab</label>"))
  }

  @Test func writesTaskListsAsMaterialDoes() {
    #expect(
      renderer.render("- [x] done\n- [ ] open\n\n1. plain\n").html == """
        <ul class="task-list">
        <li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked="" disabled="" \
        aria-label="Task" /><span class="task-list-indicator"></span></label> done</li>
        <li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled="" \
        aria-label="Task" /><span class="task-list-indicator"></span></label> open</li>
        </ul>
        <ol>
        <li>plain</li>
        </ol>

        """)
  }

  @Test func leavesTheFirstParagraphOfATightDefinitionBare() {
    #expect(
      renderer.render("Term\n:   First.\n\n    Second.\n").html == """
        <dl>
        <dt>Term</dt>
        <dd>
        First.
        <p>Second.</p>
        </dd>
        </dl>

        """)
  }
}

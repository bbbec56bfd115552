import Markdown
import Testing

@Suite struct MarkdownRendererTests {
  @Test func rendersGitHubFlavouredMarkdownWithHeadingAnchors() {
    let result = MarkdownRenderer().render(
      """
      # Payments API
      ## Install
      ## Install
      | a | b |
      |---|---|
      | 1 | ~~2~~ |

      - [x] done
      """)
    #expect(
      result.html == """
        <h1 id="payments-api">Payments API</h1>
        <h2 id="install">Install</h2>
        <h2 id="install-1">Install</h2>
        <table>
        <thead>
        <tr>
        <th>a</th>
        <th>b</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>1</td>
        <td><del>2</del></td>
        </tr>
        </tbody>
        </table>
        <ul>
        <li><input type="checkbox" checked="" disabled="" aria-label="Task" /> done</li>
        </ul>

        """)
    #expect(result.headings.map(\.anchor) == ["payments-api", "install", "install-1"])
    #expect(result.headings.map(\.line) == [1, 2, 3])
  }

  /// Regression: cmark-gfm's task-list boxes had no accessible name (axe-core `label`, critical).
  @Test func taskListCheckboxesHaveAnAccessibleName() {
    #expect(
      MarkdownRenderer().render("- [x] ship\n- [ ] test\n\n```\n<input type=\"checkbox\" disabled=\"\" />\n```\n").html
        == """
        <ul>
        <li><input type="checkbox" checked="" disabled="" aria-label="Task" /> ship</li>
        <li><input type="checkbox" disabled="" aria-label="Task" /> test</li>
        </ul>
        <pre><code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;
        </code></pre>

        """)
  }

  /// Pages whose tree has a task item, nested too, are labelled; raw HTML that looks like a box
  /// on a page without one is not.
  @Test func checkboxesOfRawHTMLOnAPageWithoutTasksAreLeftAsWritten() {
    #expect(
      MarkdownRenderer().render("- one\n  - [x] nested\n").html
        == """
        <ul>
        <li>one
        <ul>
        <li><input type="checkbox" checked="" disabled="" aria-label="Task" /> nested</li>
        </ul>
        </li>
        </ul>

        """)
    #expect(
      MarkdownRenderer(allowsRawHTML: true).render("<input type=\"checkbox\" disabled=\"\" />\n\n- one\n").html
        == "<input type=\"checkbox\" disabled=\"\" />\n<ul>\n<li>one</li>\n</ul>\n")
  }

  /// Boxes after text of any script are labelled.
  @Test func taskListCheckboxesAfterNonASCIITextAreLabelled() {
    #expect(
      MarkdownRenderer().render("# Überblick 🚀\n\n- [ ] prüfen\n").html
        == """
        <h1 id="überblick-">Überblick 🚀</h1>
        <ul>
        <li><input type="checkbox" disabled="" aria-label="Task" /> prüfen</li>
        </ul>

        """)
  }

  @Test func filtersRawHTMLUnlessAllowed() {
    let source = "<script>alert(1)</script>\n\nHello <b>there</b>"
    #expect(
      MarkdownRenderer().render(source).html
        == "<!-- raw HTML omitted -->\n<p>Hello <!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n")
    #expect(
      MarkdownRenderer(allowsRawHTML: true).render(source).html
        == "&lt;script>alert(1)&lt;/script>\n<p>Hello <b>there</b></p>\n")
  }

  @Test func dropsScriptLinksAndRewritesOthers() {
    let result = MarkdownRenderer().render(
      "[a](javascript:alert(1)) [b](other.md#x) ![c](data:image/svg+xml;base64,AAA) ![d](data:image/png;base64,AAA)"
    ) { link in
      link.destination.hasSuffix(".md#x") ? "other/#x" : link.destination
    }
    #expect(
      result.html
        == "<p><a href=\"\">a</a> <a href=\"other/#x\">b</a> <img src=\"\" alt=\"c\" /> <img src=\"data:image/png;base64,AAA\" alt=\"d\" /></p>\n"
    )
    #expect(result.links.map(\.column) == [1, 26, 42, 78])
  }

  @Test func keepsTheLanguageOfFencedCode() {
    #expect(
      MarkdownRenderer().render("```swift\nlet x = 1\n```").html
        == "<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
  }
}

@Suite struct MarkdownConcurrencyTests {
  /// cmark-gfm's extension registration is not thread-safe; many renderers made and used at once
  /// must all get every extension.
  @Test func parallelRenderersAllHaveTheirExtensions() async {
    let outputs = await withTaskGroup(of: String.self) { group in
      for _ in 0..<64 {
        group.addTask { MarkdownRenderer().render("~~gone~~ | a |\n|---|\n| 1 |").html }
      }
      var all: [String] = []
      for await html in group { all.append(html) }
      return all
    }
    #expect(Set(outputs).count == 1, "\(Set(outputs))")
    #expect(
      outputs.first?.hasPrefix("<p><del>gone</del>") == true || outputs.first?.contains("<del>gone</del>") == true)
  }
}

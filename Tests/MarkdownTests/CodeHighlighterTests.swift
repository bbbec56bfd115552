import Markdown
import Testing

@Suite struct CodeHighlighterTests {
  let highlighter = CodeHighlighter()

  @Test func marksKeywordsStringsNumbersAndComments() {
    #expect(
      highlighter.highlight("let x = \"a<b\" // note\nreturn 42", language: "swift")
        == "<span class=\"hl-k\">let</span> x = <span class=\"hl-s\">&quot;a&lt;b&quot;</span> <span class=\"hl-c\">// note</span>\n<span class=\"hl-k\">return</span> <span class=\"hl-n\">42</span>"
    )
  }

  @Test func yamlKeysJSONKeysAndShellVariables() {
    #expect(
      highlighter.highlight("- name: api # x\n  url: http://a#b\n", language: "yaml")
        == "- <span class=\"hl-a\">name</span>: api <span class=\"hl-c\"># x</span>\n  <span class=\"hl-a\">url</span>: http://a#b\n"
    )
    #expect(
      highlighter.highlight("{\"id\": \"x\", \"n\": true}", language: "json")
        == "{<span class=\"hl-a\">&quot;id&quot;</span>: <span class=\"hl-s\">&quot;x&quot;</span>, <span class=\"hl-a\">&quot;n&quot;</span>: <span class=\"hl-v\">true</span>}"
    )
    #expect(
      highlighter.highlight("echo \"$HOME\" ${USER} # done", language: "bash")
        == "echo <span class=\"hl-s\">&quot;$HOME&quot;</span> <span class=\"hl-a\">${USER}</span> <span class=\"hl-c\"># done</span>"
    )
  }

  @Test func unknownLanguagesAreLeftAlone() {
    #expect(highlighter.highlight("anything", language: "cobol") == nil)
  }

  @Test func theRendererHighlightsOnlyWhenAsked() {
    let markdown = "```sql\nselect 1 -- one\n```\n\n```text\nplain\n```\n"
    #expect(
      MarkdownRenderer(highlightsCode: true).render(markdown).html
        == "<pre><code class=\"language-sql\"><span class=\"hl-k\">select</span> <span class=\"hl-n\">1</span> <span class=\"hl-c\">-- one</span>\n</code></pre>\n<pre><code class=\"language-text\">plain\n</code></pre>\n"
    )
    #expect(MarkdownRenderer().render(markdown).html.hasPrefix("<pre><code class=\"language-sql\">select 1 -- one\n"))
  }
}

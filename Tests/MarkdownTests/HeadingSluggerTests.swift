import Markdown
import Testing

/// Heading anchors in both styles; every mkdocs-style expectation is what `mkdocs build` with
/// techdocs-core (Python-Markdown 3.10's `toc`) wrote for the same markdown.
@Suite struct HeadingSluggerTests {
  let techDocs = MarkdownRenderer(rendersTechDocsExtensions: true, headingIDs: .mkdocs)

  func ids(_ markdown: String) -> [String] {
    let rendered = techDocs.render(markdown)
    let inHTML = rendered.html.split(separator: "<h", omittingEmptySubsequences: false).dropFirst().compactMap {
      piece -> String? in
      let tag = piece.prefix { $0 != ">" }
      guard tag.first?.isNumber == true, let start = tag.range(of: " id=\"") else { return nil }
      return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
    #expect(inHTML == rendered.headings.map(\.anchor))
    return rendered.headings.map(\.anchor)
  }

  @Test func mkdocsSlugsFoldAccentsDropOtherScriptsAndCollapseDashes() {
    let cases: [(String, String)] = [
      ("Hello, World!", "hello-world"),
      ("a - b", "a-b"),
      ("a -- b", "a-b"),
      ("---", "-"),
      ("Trailing dash -", "trailing-dash-"),
      ("-Leading dash", "-leading-dash"),
      ("under_score and CamelCase", "under_score-and-camelcase"),
      ("Tabs\tand   spaces", "tabs-and-spaces"),
      ("Version 1.2.3 (beta)", "version-123-beta"),
      ("C++ & C#", "c-c"),
      ("50% off / 2x faster", "50-off-2x-faster"),
      ("Café déjà vu", "cafe-deja-vu"),
      ("Ünïcödé ßtraße", "unicode-trae"),
      ("Über-Änderung", "uber-anderung"),
      ("Ligature ﬁle ① ²", "ligature-file-1-2"),
      ("日本語のテスト", ""),
      ("3.14", "314"),
      ("a_b - c", "a_b-c"),
    ]
    for (text, slug) in cases {
      #expect(HeadingSlugger.mkdocsSlug(text) == slug, "\(text)")
    }
  }

  @Test func mkdocsRepeatsCountUpATrailingNumberAndEmptySlugsBecomeUnderscoreOne() {
    var slugger = HeadingSlugger(style: .mkdocs)
    let texts = ["Setup", "Setup", "Setup", "日本語", "!!!", "Item_1", "Item", "Item", "Ends _9", "Ends _9"]
    #expect(
      texts.map { slugger.slug(for: $0) } == [
        "setup", "setup_1", "setup_2", "_1", "_2", "item_1", "item", "item_2", "ends-_9", "ends-_10",
      ])
    var reserved = HeadingSlugger(style: .mkdocs)
    reserved.reserve(["v_099", "v_99999999999999999999999", "5"])
    #expect(
      ["v_099", "v_99999999999999999999999", "5"].map { reserved.slug(for: $0) } == [
        "v_100", "v_100000000000000000000000", "5_1",
      ])
  }

  @Test func githubStyleIsUnchanged() {
    var slugger = HeadingSlugger()
    #expect(
      ["a - b", "Café", "Setup", "Setup", "!!!"].map { slugger.slug(for: $0) } == [
        "a---b", "café", "setup", "setup-1", "section",
      ])
  }

  @Test func mkdocsIdsComeFromTheRenderedTextSoMarkupEmojiImagesAndFootnoteMarksAddNothing() {
    let markdown = """
      # Slug cases

      ## Use `kubectl get pods` now

      ## The *emphasis* and **strong** words

      ## Smile :smile: please

      ## Link to [the docs](https://example.com) here

      ## Image ![alt text](img.png) inline

      ## Footnote here[^1]

      ## Smart (c) (tm) --> 1/2 +/-

      ## ==Marked== ^^inserted^^ ~~deleted~~ H~2~O

      ## Entity &amp; &copy; &lt;tag&gt;

      ## Escaped \\*stars\\* and \\_under\\_

      ## Abbr HTML here

      ## Emoji 🚀 rocket

      ## Icon :material-check: done

      ## Critic {++added++} and {--removed--}

      ## Heading with trailing hashes ##

      ## Span <span>inside</span> text

      [^1]: A footnote.

      *[HTML]: Hyper Text Markup Language
      """
    #expect(
      ids(markdown) == [
        "slug-cases", "use-kubectl-get-pods-now", "the-emphasis-and-strong-words", "smile-please",
        "link-to-the-docs-here", "image-inline", "footnote-here", "smart-tm-12", "marked-inserted-deleted-h2o",
        "entity-tag", "escaped-stars-and-_under_", "abbr-html-here", "emoji-rocket", "icon-material-check-done",
        "critic-added-and-removed", "heading-with-trailing-hashes", "span-inside-text",
      ])
  }

  @Test func mkdocsIdsAreGivenInDocumentOrderAroundCustomIDs() {
    let markdown = """
      !!! note
          ## Alpha

      ## Alpha

      ## Custom heading {#custom}

      ## custom

      ## Data {#data_1}

      ## Data

      ## Data

      ## Later

      ## Other {: #later .wide }

      ## Para id collision

      Some paragraph.
      {: #para-id-collision }

      ## :smile:

      ## :smile:

      === "One"
          ### Gamma

      === "Two"
          ### Gamma

      ??? info "More"
          ## Beta

      ## Beta
      """
    #expect(
      ids(markdown) == [
        "alpha", "alpha_1", "custom", "custom_1", "data_1", "data", "data_2", "later_1", "later",
        "para-id-collision_1", "_1", "_2", "gamma", "gamma_1", "beta", "beta_1",
      ])
    #expect(techDocs.render(markdown).html.contains("<h2 class=\"wide\" id=\"later\">Other</h2>"))
  }

  @Test func mkdocsStyleWithoutTheExtensionsAndGitHubStyleWithThem() {
    let plain = MarkdownRenderer(headingIDs: .mkdocs).render("# A - B\n\n## A - B\n\n## Café ![x](y.png)\n")
    #expect(plain.headings.map(\.anchor) == ["a-b", "a-b_1", "cafe"])
    #expect(plain.html.hasPrefix("<h1 id=\"a-b\">A - B</h1>\n<h2 id=\"a-b_1\">A - B</h2>\n"))
    let github = MarkdownRenderer(rendersTechDocsExtensions: true).render("# A - B\n\n## A - B\n")
    #expect(github.headings.map(\.anchor) == ["a---b", "a---b-1"])
  }
}

import Testing

@testable import Markdown

/// pymdownx.snippets, each case checked against what mkdocs + techdocs-core (pymdown-extensions
/// 11.0.1) makes of the same lines.
@Suite struct SnippetExpanderTests {
  static let files: [String: String] = [
    "lines.md": "line one\nline two\nline three\nline four\nline five\n",
    "app.py": """
    import os

    # --8<-- [start:setup]
    def setup():
        return os.environ["HOME"]
    # --8<-- [end:setup]

    # --8<-- [start:main]
    def main():
        print(setup())
    # --8<-- [end:main]

    """,
    "note.md": "!!! note\n    Shared.\n\n--8<-- \"lines.md:2:2\"\n",
    "loop.md": "Loop start\n--8<-- \"loop.md\"\nLoop end\n",
    "crlf.md": "one\r\ntwo\r\n",
    "empty.md": "",
    "indented.md": "    deep\n      deeper\n\n    back\n",
  ]

  func lookup(_ path: String) -> SnippetLookup {
    if path.hasPrefix("../") { return .outsideSite("it leads outside the docs site folder 'app'") }
    guard let text = Self.files[path] else { return .missing("there is no file '\(path)' in the docs site") }
    return .file(id: path, text: text)
  }

  func expand(_ markdown: String, _ expander: SnippetExpander = SnippetExpander()) -> SnippetExpansion {
    expander.expand(markdown) { lookup($0) }
  }

  @Test func replacesADirectiveWithTheFileKeepingItsTrailingLineBreak() {
    let expansion = expand("# T\n\n--8<-- \"lines.md\"\nafter")
    #expect(expansion.text == "# T\n\nline one\nline two\nline three\nline four\nline five\n\nafter")
    #expect(expansion.files == ["lines.md"])
    #expect(expansion.problems.isEmpty)
  }

  @Test func selectsLineRangesAsPymdownxSlicesThem() {
    #expect(expand("--8<-- \"lines.md:2:3\"").text == "line two\nline three")
    #expect(expand("--8<-- \"lines.md:4\"").text == "line four\nline five\n")
    #expect(expand("--8<-- \"lines.md:-2\"").text == "line five\n")
    #expect(expand("--8<-- \"lines.md::2\"").text == "line one\nline two")
    #expect(expand("--8<-- \"lines.md:1:1,5:5\"").text == "line one\nline five")
    #expect(expand("--8<-- \"lines.md:9:12\"").text == "")
    #expect(expand("--8<-- \"lines.md:0:1\"").text == "line one")
  }

  @Test func extractsNamedSectionsAndDropsSectionMarkersElsewhere() {
    #expect(expand("--8<-- \"app.py:setup\"").text == "def setup():\n    return os.environ[\"HOME\"]")
    #expect(
      expand("--8<-- \"app.py\"").text
        == "import os\n\ndef setup():\n    return os.environ[\"HOME\"]\n\ndef main():\n    print(setup())\n")
    let missing = expand("--8<-- \"app.py:nope\"")
    #expect(missing.text == "")
    #expect(missing.problems.map(\.message) == ["the snippet 'app.py' has no section 'nope'"])
    #expect(expand("Marker -8<- [start:foo] in text.\nkept").text == "kept")
  }

  @Test func indentsIncludedLinesLikeTheDirectiveAndExpandsNestedSnippets() {
    let expansion = expand("- item\n\n    --8<-- \"note.md\"")
    #expect(expansion.text == "- item\n\n    !!! note\n        Shared.\n    \n    line two\n    ")
    #expect(expansion.origins.map(\.source) == [0, 0, 1, 1, 1, 2, 1])
    #expect(expansion.origins.map(\.line) == [1, 2, 1, 2, 3, 2, 5])
    #expect(expansion.origins.map(\.indent) == [0, 0, 4, 4, 4, 4, 4])
    #expect(expansion.origins.map(\.pageLine) == [1, 2, 3, 3, 3, 3, 3])
    #expect(expansion.files == ["note.md", "lines.md"])
  }

  @Test func readsBlocksOfPathsWithBlankAndCommentedLines() {
    let markdown = "--8<--\nlines.md:1:1\n\nlines.md:5:5\n;lines.md\n--8<-- \"lines.md\"\n--8<--\nafter"
    #expect(expand(markdown).text == "line one\n\nline five\nafter")
  }

  @Test func unescapesEscapedDirectivesAndLeavesOtherLinesAlone() {
    #expect(expand(";--8<-- \"lines.md\"").text == "--8<-- \"lines.md\"")
    #expect(expand(";--8<--").text == "--8<--")
    #expect(expand("--8<-- \"lines.md\" ").text == "--8<-- \"lines.md\" ")
    #expect(expand("text --8<-- \"lines.md\"").text == "text --8<-- \"lines.md\"")
    #expect(expand("x ;-8<- [start:a] y").text == "x -8<- [start:a] y")
  }

  @Test func reportsMissingAndOutsideFilesAtTheirDirectivesAndLeavesTheLineOut() {
    let expansion = expand("a\n  --8<-- \"nope.md\"\n--8<-- \"../secrets.env\"\nb")
    #expect(expansion.text == "a\nb")
    #expect(
      expansion.problems == [
        SnippetProblem(
          kind: .missing, message: "the snippet 'nope.md' is not included: there is no file 'nope.md' in the docs site",
          origin: SnippetOrigin(source: 0, line: 2), column: 3),
        SnippetProblem(
          kind: .outsideSite,
          message: "the snippet '../secrets.env' is not included: it leads outside the docs site folder 'app'",
          origin: SnippetOrigin(source: 0, line: 3), column: 1),
      ])
  }

  @Test func stopsLoopsAtTheFirstRepeatAsPymdownxDoes() {
    let expansion = expand("--8<-- \"loop.md\"")
    #expect(expansion.text == "Loop start\nLoop end\n")
    #expect(expansion.problems.map(\.kind) == [.loop])
    #expect(expansion.problems.first?.origin == SnippetOrigin(source: 1, line: 2, pageLine: 1))
  }

  @Test func limitsNestingDepthAndPageSize() {
    let deep = SnippetExpander(maximumDepth: 1).expand("--8<-- \"note.md\"") { lookup($0) }
    #expect(deep.text == "!!! note\n    Shared.\n\n")
    #expect(deep.problems.map(\.kind) == [.loop])
    let small = SnippetExpander(maximumBytes: 10).expand("--8<-- \"lines.md\"\n--8<-- \"lines.md\"\nend") {
      lookup($0)
    }
    #expect(small.text == "line one\nline two\nend")
    #expect(small.problems.map(\.kind) == [.loop])
  }

  @Test func reportsABlockNeverClosedOnceAndSwallowsTheRestAsMkdocsDoes() {
    let expansion = expand("a\n--8<--\nlines.md:1:1\nnot a file\n")
    #expect(expansion.text == "a\nline one\n")
    #expect(expansion.problems.map(\.origin.line) == [2])
  }

  @Test func appendsAutoAppendFilesToEveryPage() {
    let expansion = expand("# Page\n", SnippetExpander(autoAppend: ["lines.md:1:1", "nope.md"]))
    #expect(expansion.text == "# Page\n\n\n\nline one\n\n")
    #expect(expansion.problems.map(\.origin) == [SnippetOrigin(source: -1, line: 2, pageLine: 2)])
  }

  @Test func readsFilesWithAnyLineBreakAndDedentsSubsectionsWhenAsked() {
    #expect(expand("--8<-- \"crlf.md\"").text == "one\ntwo\n")
    #expect(expand("x\n--8<-- \"empty.md\"\ny").text == "x\ny")
    let dedenting = SnippetExpander(dedentsSubsections: true)
    #expect(expand("--8<-- \"indented.md:1:4\"", dedenting).text == "deep\n  deeper\n\nback")
    #expect(expand("--8<-- \"indented.md:1:4\"").text == "    deep\n      deeper\n\n    back")
  }

  @Test func readsPagesWithCRLFLineBreaks() {
    #expect(expand("--8<-- \"lines.md:1:1\"\r\nafter\r\n").text == "line one\nafter\r\n")
  }

  @Test func parsesPathsAsPymdownxDoes() {
    #expect(SnippetPath("a.md:3:5").ranges == [.init(start: 2, end: 5)])
    #expect(SnippetPath("a.md:3:5").file == "a.md")
    #expect(SnippetPath("a.md:name").section == "name")
    #expect(SnippetPath("dir:x/a.md").file == "dir:x/a.md")
    #expect(SnippetPath("a.md:-3").ranges == [.init(start: -3, end: nil)])
    #expect(SnippetPath("a.md:1:2,,3").ranges == [] && SnippetPath("a.md:1:2,,3").file == "a.md:1:2,,3")
  }
}

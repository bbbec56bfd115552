import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLTreeBuilderTests {
  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  private func root(_ text: String) throws -> YAMLNode {
    let stream = YAMLLoader().load(text)
    #expect(stream.problems == [])
    return try #require(stream.documents.first?.root)
  }

  @Test func nodeAndKeyPositions() throws {
    let text = """
      apiVersion: v1
      kind: Component
      metadata:
        name: x
        tags: [a, "b"]
      spec:
        owner: team-a
      """
    let root = try root(text)
    #expect(root.start == position(1, 1))
    #expect(root.end == position(7, 16))
    let pairs = try #require(root.mapping)
    #expect(pairs.map(\.key.start) == [position(1, 1), position(2, 1), position(3, 1), position(6, 1)])
    #expect(pairs.map { $0.key.scalar?.text } == ["apiVersion", "kind", "metadata", "spec"])
    let kind = try #require(root["kind"])
    #expect(kind.start == position(2, 7))
    #expect(kind.end == position(2, 16))
    let metadata = try #require(root["metadata"])
    #expect(metadata.start == position(4, 3))
    #expect(metadata.end == position(5, 17))
    #expect(metadata.mapping?.map(\.key.start) == [position(4, 3), position(5, 3)])
    let tags = try #require(metadata["tags"])
    #expect(tags.start == position(5, 9))
    #expect(tags.end == position(5, 17))
    #expect(tags.sequence?.map(\.start) == [position(5, 10), position(5, 13)])
    #expect(tags.sequence?.map(\.end) == [position(5, 11), position(5, 16)])
    #expect(tags.sequence?.map { $0.scalar?.style } == [.plain, .doubleQuoted])
    #expect(root["spec"]?["owner"]?.start == position(7, 10))
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let root = try root("ünïcödé: ✓\nnext: 1\n")
    #expect(root["ünïcödé"]?.start == position(1, 10))
    #expect(root["next"]?.start == position(2, 7))
  }

  @Test func byteOrderMarkIsNotAColumn() throws {
    let stream = YAMLLoader().load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
    #expect(stream.problems == [])
    #expect(stream.documents.first?.root["a"]?.start == position(1, 4))
  }

  @Test func scalarStylesAndTags() throws {
    let root = try root(
      "- plain\n- 'single'\n- \"double\"\n- |\n  literal\n- >\n  folded\n- !!str tagged\n- !local x\n")
    let elements = try #require(root.sequence)
    #expect(
      elements.map { $0.scalar?.style } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .plain, .plain])
    #expect(elements.map { $0.scalar?.text } == ["plain", "single", "double", "literal\n", "folded\n", "tagged", "x"])
    #expect(elements.map(\.tag) == [nil, nil, nil, nil, nil, "tag:yaml.org,2002:str", "!local"])
  }

  @Test func multiDocumentStreamSkipsEmptyDocuments() {
    let stream = YAMLLoader().load("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n---\n")
    #expect(stream.problems == [])
    #expect(stream.documents.map(\.index) == [0, 3])
    #expect(stream.documentCount == 5)
    #expect(stream.documents.map { $0.root.mapping?.first?.key.scalar?.text } == ["a", "b"])
    #expect(stream.documents.map(\.root.start) == [position(2, 1), position(7, 1)])
  }

  @Test func emptyAndCommentOnlyTextsHaveNoDocuments() {
    for text in ["", "# nothing\n", "---\n", "...\n", "\n\n"] {
      let stream = YAMLLoader().load(text)
      #expect(stream.documents == [], "\(text)")
      #expect(stream.problems == [], "\(text)")
    }
  }

  @Test func explicitNullDocumentIsKept() {
    let stream = YAMLLoader().load("--- ~\n--- null\n--- !!null\n")
    #expect(stream.documents.map(\.index) == [0, 1, 2])
  }

  @Test func anchorsAndAliases() throws {
    let root = try root("base: &b\n  x: 1\nuse: *b\nlist: [&s str, *s]\n")
    let base = try #require(root["base"])
    #expect(base.anchor == "b")
    let use = try #require(root["use"])
    #expect(use.mapping == base.mapping)
    #expect(use.start == position(3, 6))
    #expect(use.end == position(3, 8))
    #expect(root["list"]?.sequence?.map { $0.scalar?.text } == ["str", "str"])
    #expect(root["list"]?.sequence?.map(\.start) == [position(4, 8), position(4, 16)])
  }

  @Test func laterAnchorWithTheSameNameWins() throws {
    let root = try root("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
    #expect(root["b"]?.scalar?.text == "1")
    #expect(root["d"]?.scalar?.text == "2")
  }

  @Test func anchorsDoNotCrossDocuments() {
    let stream = YAMLLoader().load("a: &x 1\n---\nb: *x\n---\nc: 3\n")
    #expect(stream.problems.map(\.code) == [.unknownAnchor])
    #expect(stream.problems.first?.position == position(3, 4))
    #expect(stream.problems.first?.message == "alias '*x' refers to no anchor '&x' defined before it in this document")
    #expect(stream.documents.map(\.index) == [0, 2])
  }

  @Test func anchorCannotReferToItself() {
    let stream = YAMLLoader().load("a: &x [*x]\n")
    #expect(stream.problems.map(\.code) == [.unknownAnchor])
    #expect(stream.documents == [])
  }

  @Test func billionLaughsIsRejectedQuickly() {
    var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...9 {
      let previous = level == 1 ? "a" : "a\(level - 1)"
      text += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
    }
    let stream = YAMLLoader().load(text)
    #expect(stream.documents == [])
    #expect(stream.problems.map(\.code) == [.aliasLimit])
    #expect(stream.problems.first?.message == "the document expands to more than 1000000 nodes through aliases")
    #expect(stream.problems.first?.position.line == 7)
  }

  @Test func aliasLimitCountsExpandedNodes() {
    let limits = YAMLLoader.Limits(maximumExpandedNodes: 10)
    let small = YAMLLoader(limits: limits).load("a: &a [1, 2, 3]\nb: *a\n")
    #expect(small.problems == [])
    let large = YAMLLoader(limits: limits).load("a: &a [1, 2, 3]\nb: *a\nc: *a\n")
    #expect(large.problems.map(\.code) == [.aliasLimit])
    #expect(large.problems.first?.position == position(3, 4))
  }

  /// One 1 MiB scalar aliased 200 times: few nodes, but 200 MiB of text once expanded.
  @Test func aliasesOfALargeScalarAreLimitedByBytes() {
    var text = "a: &a " + String(repeating: "x", count: 1 << 20) + "\nb:\n"
    for _ in 0..<200 { text += "  - *a\n" }
    let stream = YAMLLoader().load(text)
    #expect(stream.documents == [])
    #expect(stream.problems.map(\.code) == [.aliasLimit])
    #expect(stream.problems.first?.message == "the document repeats more than 8388608 bytes of text through aliases")
    // The ninth alias passes 8 MiB.
    #expect(stream.problems.first?.position == position(11, 5))
  }

  @Test func aliasedBytesCountNestedAliasesPerDocument() {
    let loader = YAMLLoader(limits: YAMLLoader.Limits(maximumAliasedBytes: 12))
    // `*a` repeats 3 bytes; `*b` the 6 its own aliases hold.
    #expect(loader.load("a: &a abc\nb: &b [*a, *a]\nc: *b\n").problems == [])
    let over = loader.load("a: &a abc\nb: &b [*a, *a]\nc: *b\nd: *a\n---\nx: &x abc\ny: [*x, *x, *x, *x]\n")
    #expect(over.problems.map(\.code) == [.aliasLimit])
    #expect(over.problems.first?.position == position(4, 4))
    #expect(over.documents.map(\.index) == [1])
  }

  @Test func deepFlowNestingIsRejected() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    let stream = YAMLLoader().load(text)
    #expect(stream.documents == [])
    #expect(stream.problems.map(\.code) == [.tooDeep])
    #expect(stream.problems.first?.position == position(1, 513))
    #expect(stream.problems.first?.message == "nesting is deeper than 512 levels")
  }

  @Test func deepBlockNestingIsRejected() {
    let text = String(repeating: "- ", count: 10_000) + "x\n"
    let stream = YAMLLoader().load(text)
    #expect(stream.documents == [])
    #expect(stream.problems.map(\.code) == [.tooDeep])
    #expect(stream.problems.first?.position == position(1, 1025))
  }

  @Test func deepNestingThroughAliasesIsRejected() {
    let loader = YAMLLoader(limits: YAMLLoader.Limits(maximumDepth: 5))
    #expect(loader.load("a: &a [[[x]]]\nb: [*a]\n").problems == [])
    let stream = loader.load("a: &a [[[x]]]\nb: [[*a]]\n")
    #expect(stream.problems.map(\.code) == [.tooDeep])
    #expect(stream.problems.first?.position == position(2, 6))
  }

  @Test func problemInOneDocumentKeepsTheOthers() {
    let loader = YAMLLoader(limits: YAMLLoader.Limits(maximumDepth: 3, maximumExpandedNodes: 12))
    let stream = loader.load("a: &a [1, 2, 3, 4]\nb: *a\nc: *a\n---\nc: 3\n---\nd: &d [[1]]\ne: [*d]\n---\nf: 4\n")
    #expect(stream.problems.map(\.code) == [.aliasLimit, .tooDeep])
    #expect(stream.documents.map(\.index) == [1, 3])
    #expect(stream.documentCount == 4)
  }

  @Test func nestingTooDeepEndsTheStream() {
    let stream = YAMLLoader(limits: YAMLLoader.Limits(maximumDepth: 2)).load("a: 1\n---\nb: [[[1]]]\n---\nc: 2\n")
    #expect(stream.problems.map(\.code) == [.tooDeep])
    #expect(stream.problems.first?.position == SourcePosition(line: 3, column: 5))
    #expect(stream.documents.map(\.index) == [0])
  }

  @Test func syntaxErrorEndsTheStream() {
    let stream = YAMLLoader().load("a: 1\n---\nb: [1, 2\n---\nc: 3\n")
    #expect(stream.documents.map(\.index) == [0])
    #expect(stream.problems.count == 1)
    #expect(stream.problems.first?.code == .syntax)
  }
}

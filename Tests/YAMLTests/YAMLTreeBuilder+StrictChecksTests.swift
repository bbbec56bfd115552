import StructuredData
import Testing

@testable import YAML

/// The YAML 1.2 rules the loader checks on top of libyaml 0.2.5.
@Suite struct YAMLTreeBuilderStrictChecksTests {
  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  private func problems(_ text: String) -> [YAMLProblem] {
    YAMLLoader().load(text).problems
  }

  private func syntaxProblem(_ message: String, _ line: Int, _ column: Int) -> YAMLProblem {
    YAMLProblem(code: .syntax, message: message, position: position(line, column))
  }

  private let commentMessage = "a comment needs whitespace before its '#'"

  @Test func commentRightAfterAQuotedScalar() {
    #expect(problems("key: \"value\"# comment\n") == [syntaxProblem(commentMessage, 1, 13)])
    #expect(problems("key: 'value'#x\n") == [syntaxProblem(commentMessage, 1, 13)])
    #expect(problems("key: \"value\" # comment\nurl: a#b\n") == [])
  }

  @Test func commentRightAfterAFlowCollectionOrComma() {
    #expect(problems("[a, b]#c\n") == [syntaxProblem(commentMessage, 1, 7)])
    #expect(problems("[a, b,#c\n]\n") == [syntaxProblem(commentMessage, 1, 7)])
    #expect(problems("[a, \"b\" ,#c\n]\n") == [syntaxProblem(commentMessage, 1, 10)])
    #expect(problems("[a, b, # c\n]\n") == [])
    #expect(problems("[a#b, c] # d\n") == [])
  }

  @Test func commentRightAfterABlockScalarHeader() {
    let expected = syntaxProblem(commentMessage, 1, 9).withNote(
      "the block scalar header starts here", at: position(1, 8))
    #expect(problems("block: ># comment\n  scalar\n") == [expected])
    #expect(problems("block: &a !!str |-2# x\n   scalar\n").map(\.position) == [position(1, 20)])
    #expect(problems("block: |- # comment\n  scalar\n# after\n") == [])
  }

  @Test func loneDashIsNotAPlainScalar() {
    let message = "a plain scalar cannot be a lone '-'; quote it ('-') if it is meant as text"
    #expect(problems("- [-, -]\n") == [syntaxProblem(message, 1, 4)])
    #expect(problems("[-]\n") == [syntaxProblem(message, 1, 2)])
    #expect(problems("- [-a, '-', -1]\n") == [])
  }

  @Test func multiLineQuotedScalarMustBeIndented() {
    let message =
      "a multi-line quoted scalar must be indented past the block collection it is in: at least 1 space on each line"
    #expect(problems("quoted: \"a\nb\nc\"\n") == [syntaxProblem(message, 2, 1)])
    #expect(problems("foo: \"bar\n\tbaz\"\n") == [syntaxProblem(message + "; tabs do not count as indentation", 2, 1)])
    #expect(
      problems("- x: 'a\n  b'\n").map(\.message) == [
        "a multi-line quoted scalar must be indented past the block collection it is in: at least 3 spaces on each line"
      ])
    #expect(problems("quoted: \"a\n b\n\n  c\"\n") == [])
    #expect(problems("- x: 'a\n   b'\n") == [])
    #expect(problems("\"top\nlevel\"\n") == [])
  }

  @Test func multiLineFlowCollectionMustBeIndented() {
    let message =
      "a multi-line flow sequence must be indented past the block collection it is in: at least 1 space on each line"
    #expect(problems("flow: [a,\nb,\nc]\n") == [syntaxProblem(message, 2, 1)])
    #expect(
      problems("- [\n\tfoo,\n foo\n ]\n") == [syntaxProblem(message + "; tabs do not count as indentation", 2, 1)])
    #expect(
      problems("map: {a: 1,\nb: 2}\n").map(\.message) == [
        "a multi-line flow mapping must be indented past the block collection it is in: at least 1 space on each line"
      ])
    // Closing brackets and comment lines may sit at the parent's indentation.
    #expect(problems("key: [\n  a,\n  b,\n]\nmap: {\n# comment\n  a: 1\n}\n") == [])
    #expect(problems("[a,\nb]\n") == [])
  }

  @Test func directiveAfterAnImplicitlyEndedDocument() {
    let message = "a directive (%YAML or %TAG) must follow a document end marker '...' when a document precedes it"
    let stream = YAMLLoader().load("a: 1\n%YAML 1.2\n---\nb: 2\n")
    #expect(stream.problems == [syntaxProblem(message, 2, 1)])
    #expect(stream.documents.map(\.index) == [0])
    #expect(problems("%YAML 1.2\n---\n%YAML 1.2\n---\n") == [syntaxProblem(message, 3, 1)])
    #expect(problems("a: 1\n...\n%YAML 1.2\n---\nb: 2\n") == [])
    #expect(problems("%YAML 1.2\n---\na: 1\n---\nb: 2\n") == [])
  }
}

extension YAMLTreeBuilderStrictChecksTests {
  @Test func blockScalarLeadingEmptyLinesWiderThanItsFirstLine() {
    let message =
      "a block scalar's leading empty lines hold more spaces than its first non-empty line; remove the spaces or add an indentation indicator (such as '|2')"
    let stream = YAMLLoader().load("empty block scalar: >\n \n  \n   \n # comment\n")
    #expect(
      stream.problems == [YAMLProblem(code: .syntax, message: message, position: SourcePosition(line: 5, column: 2))])
    #expect(YAMLLoader().load("a: |\n    \n  text\n").problems.map(\.position) == [SourcePosition(line: 3, column: 3)])
    // Wider empty lines before the next key, or with an explicit indentation, are fine.
    #expect(YAMLLoader().load("a: |\n   \nb: 1\n").problems == [])
    #expect(YAMLLoader().load("a: |2\n    \n  text\n").problems == [])
    #expect(YAMLLoader().load("a: |\n\n  text\n   more\n").problems == [])
  }
}

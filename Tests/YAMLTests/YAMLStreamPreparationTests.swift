import StructuredData
import Testing

@testable import YAML

/// Document markers and directives that libyaml 0.2.5 misreads, fixed before parsing.
@Suite struct YAMLStreamPreparationTests {
  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  private func values(_ stream: YAMLStream) -> [JSONValue] {
    stream.documents.map { $0.converted().value }
  }

  @Test func bareDocumentAfterDocumentEndMarker() {
    let stream = YAMLLoader().load("---\nscalar1\n...\n# comment\nkey: value\n")
    #expect(stream.problems == [])
    #expect(values(stream) == ["scalar1", ["key": "value"]])
    #expect(stream.documents.map(\.index) == [0, 1])
    #expect(stream.documents.last?.root["key"]?.start == position(5, 6))
  }

  @Test func documentEndMarkerWithoutDocument() {
    for text in ["...\n", "# comment\n...\n", "a: 1\n...\n...\n", "...\n---\nb: 2\n"] {
      let stream = YAMLLoader().load(text)
      #expect(stream.problems == [], "\(text)")
    }
    #expect(values(YAMLLoader().load("...\n---\nb: 2\n")) == [["b": 2]])
  }

  @Test func reservedDirectiveIsIgnoredWithAWarning() {
    let stream = YAMLLoader().load("%FOO  bar baz # ignored\n---\n\"foo\"\n")
    #expect(values(stream) == ["foo"])
    #expect(
      stream.problems == [
        YAMLProblem(
          severity: .warning, code: .directive, message: "unknown directive '%FOO' is ignored", position: position(1, 1)
        )
      ])
    #expect(!stream.hasErrors)
  }

  @Test func newerMinorVersionIsReadAsOneTwo() {
    let stream = YAMLLoader().load("%YAML 1.3 # newer\n---\n\"foo\"\n")
    #expect(values(stream) == ["foo"])
    #expect(
      stream.problems == [
        YAMLProblem(
          severity: .warning, code: .directive, message: "YAML 1.3 is newer than 1.2; the document is read as YAML 1.2",
          position: position(1, 7))
      ])
  }

  @Test func commentWithoutWhitespaceInVersionDirective() {
    let stream = YAMLLoader().load("a: 1\n...\n%YAML 1.1#x\n---\nb: 2\n")
    #expect(stream.documents.map(\.index) == [0])
    #expect(
      stream.problems == [
        YAMLProblem(code: .syntax, message: "a comment needs whitespace before its '#'", position: position(3, 10))
      ])
  }

  @Test func markersInsideDocumentsAreLeftAlone() {
    let text = "a: |\n  ...\n  %not a directive\nb: \"x\n  ... y\"\n"
    let stream = YAMLLoader().load(text)
    #expect(stream.problems == [])
    #expect(values(stream) == [["a": "...\n%not a directive\n", "b": "x ... y"]])
  }

  @Test func onlyTextWithDotsPercentsOrTabsAtLineStartsIsScanned() {
    #expect(!YAMLStreamPreparation.mayNeedEdits(UnsafeBufferPointer(start: nil, count: 0)))
    let plain = Array("a: 1\nb: .5\n".utf8)
    let marked = Array("a: 1\n...\n".utf8)
    #expect(!plain.withUnsafeBufferPointer(YAMLStreamPreparation.mayNeedEdits))
    #expect(marked.withUnsafeBufferPointer(YAMLStreamPreparation.mayNeedEdits))
  }
}

extension YAMLStreamPreparationTests {
  @Test func directiveWithoutDocumentStartIsLeftForLibyamlToReject() {
    let stream = YAMLLoader().load("%foo: bar\nkey: value\n")
    #expect(stream.problems.map(\.code) == [.syntax])
    #expect(stream.problems.map(\.severity) == [.error])
    #expect(stream.documents == [])
  }
}

extension YAMLStreamPreparationTests {
  @Test func tabsBeforeATopFlowCollection() {
    let stream = YAMLLoader().load("\t[a,\n]\n...\n \t{b: 1}\n")
    #expect(stream.problems == [])
    #expect(values(stream) == [["a"], ["b": 1]])
    #expect(stream.documents.first?.root.start == position(1, 2))
    // Tabs before a block mapping are still indentation, which YAML forbids.
    #expect(YAMLLoader().load("\tkey: value\n").problems.map(\.code) == [.syntax])
  }
}

extension YAMLStreamPreparationTests {
  @Test func lastLineOfSpacesWithoutLineBreakStaysInABlockScalar() {
    #expect(values(YAMLLoader().load("foo: |\n  x\n   ")) == [["foo": "x\n \n"]])
    #expect(values(YAMLLoader().load("- |+\n   ")) == [["\n"]])
    #expect(values(YAMLLoader().load("a: b\n  ")) == [["a": "b"]])
    let endings = ["a\n  ", "  ", "a\r "].map {
      Array($0.utf8).withUnsafeBufferPointer(YAMLStreamPreparation.endsInLineOfSpaces)
    }
    #expect(endings == [true, true, true])
    let others = ["a\n", "a  ", "", "a\n\t "].map {
      Array($0.utf8).withUnsafeBufferPointer(YAMLStreamPreparation.endsInLineOfSpaces)
    }
    #expect(others == [false, false, false, false])
  }
}

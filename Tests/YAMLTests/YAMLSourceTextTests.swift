import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLSourceTextTests {
  private func survey(_ text: String) -> YAMLSourceText.Survey {
    Array(text.utf8).withUnsafeBufferPointer(YAMLSourceText.survey)
  }

  @Test func surveyFindsNULAndMarkerLines() {
    #expect(survey("key: value\nother: 12345678\n") == .init(firstNUL: nil, hasPreparableLineStart: false))
    #expect(survey("0123456789abcdef\u{0}") == .init(firstNUL: 16, hasPreparableLineStart: false))
    #expect(survey("a: 1.5\n...\n") == .init(firstNUL: nil, hasPreparableLineStart: true))
    #expect(survey("%YAML 1.2\n---\n") == .init(firstNUL: nil, hasPreparableLineStart: true))
    #expect(survey("long line without breaks\r%") == .init(firstNUL: nil, hasPreparableLineStart: true))
    #expect(survey("a: x % y . z\n  .5\n") == .init(firstNUL: nil, hasPreparableLineStart: false))
  }

  @Test func characterOffsetsWalkMultiByteCharacters() {
    let bytes = Array("abcdefghijé✓xyz".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var source = YAMLSourceText(bytes: buffer)
      #expect(source.offset(ofCharacter: 10) == 10)
      #expect(source.offset(ofCharacter: 11) == 12)
      #expect(source.offset(ofCharacter: 12) == 15)
      #expect(source.offset(ofCharacter: 3) == 3)
      #expect(source.offset(ofCharacter: 99) == bytes.count)
    }
  }

  @Test func positionsOfByteOffsetsCountLineBreaksAsLibyamlDoes() {
    let bytes = Array("a\r\nb\rc\u{85}dé\u{2028}x".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      #expect(YAMLSourceText.position(ofOffset: 3, in: buffer) == SourcePosition(line: 2, column: 1))
      #expect(YAMLSourceText.position(ofOffset: 5, in: buffer) == SourcePosition(line: 3, column: 1))
      #expect(YAMLSourceText.position(ofOffset: 8, in: buffer) == SourcePosition(line: 4, column: 1))
      #expect(YAMLSourceText.position(ofOffset: 14, in: buffer) == SourcePosition(line: 5, column: 1))
    }
  }
}

extension YAMLSourceTextTests {
  @Test func surveyFlagsTabsAtLineStarts() {
    #expect(survey("a: 1\n\t[b]\n") == .init(firstNUL: nil, hasPreparableLineStart: true))
    #expect(survey("a: \"x\ty\"\n") == .init(firstNUL: nil, hasPreparableLineStart: false))
  }
}

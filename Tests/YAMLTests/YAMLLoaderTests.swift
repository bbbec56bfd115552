import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLLoaderTests {
  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  @Test func textAndBytesLoadTheSame() {
    let text = "a: 1\nb: [x, y]\n"
    let fromText = YAMLLoader().load(text)
    let fromBytes = YAMLLoader().load(bytes: Array(text.utf8))
    #expect(fromText.documents == fromBytes.documents)
    #expect(fromText.problems == [])
  }

  @Test func utf16WithByteOrderMarkLoads() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "name: é\n".utf16 {
      bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let stream = YAMLLoader().load(bytes: bytes)
    #expect(stream.problems == [])
    #expect(try #require(stream.documents.first).converted().value == ["name": "é"])
  }

  @Test func nulByteIsLocated() {
    let stream = YAMLLoader().load(bytes: Array("a: 1\nbé: x\u{0}y\n".utf8))
    #expect(stream.documents == [])
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text contains a NUL byte (U+0000), which YAML does not allow",
          position: position(2, 6))
      ])
  }

  @Test func invalidLeadingByte() {
    let stream = YAMLLoader().load(bytes: Array("a: 1\nb: x".utf8) + [0xFF] + Array("y\n".utf8))
    #expect(stream.documents == [])
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text is not valid UTF-8: byte 0xFF cannot start a character",
          position: position(2, 5))
      ])
  }

  @Test func invalidTrailingByte() {
    let stream = YAMLLoader().load(bytes: Array("key: ".utf8) + [0xC3, 0x28])
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text is not valid UTF-8: byte 0x28 cannot continue a character",
          position: position(1, 7))
      ])
  }

  @Test func truncatedCharacter() {
    let stream = YAMLLoader().load(bytes: Array("key: ".utf8) + [0xE2, 0x82])
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text is not valid UTF-8: it ends inside a character", position: position(1, 6))
      ])
  }

  @Test func overlongEncoding() {
    let stream = YAMLLoader().load(bytes: Array("key: ".utf8) + [0xC0, 0xAF])
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text is not valid UTF-8: a character is encoded with more bytes than it needs",
          position: position(1, 6))
      ])
  }

  @Test func controlCharacter() {
    let stream = YAMLLoader().load("a: b\u{7}c\n")
    #expect(
      stream.problems == [
        YAMLProblem(
          code: .syntax, message: "the text contains the control character U+7, which YAML does not allow",
          position: position(1, 5))
      ])
  }

  @Test func largePlainScalar() throws {
    let body = String(repeating: "abcdefghij", count: 500_000)
    let stream = YAMLLoader().load("big: " + body + "\n")
    #expect(stream.problems == [])
    let root = try #require(stream.documents.first?.root)
    #expect(root["big"]?.scalar?.text.utf8.count == 5_000_000)
    #expect(root["big"]?.end == position(1, 5_000_006))
  }

  @Test func largeQuotedScalarAcrossLines() throws {
    let line = String(repeating: "x", count: 99)
    let body = Array(repeating: line, count: 50_000).joined(separator: "\n  ")
    let stream = YAMLLoader().load("big: \"" + body + "\"\nnext: 1\n")
    #expect(stream.problems == [])
    let root = try #require(stream.documents.first?.root)
    #expect(root["big"]?.scalar?.text.utf8.count == 50_000 * 100 - 1)
    #expect(root["next"]?.start == position(50_001, 7))
  }

  @Test func unterminatedQuoteIsLocated() {
    let stream = YAMLLoader().load("a: 1\nb: \"open\n")
    #expect(stream.problems.count == 1)
    #expect(stream.problems.first?.code == .syntax)
    #expect(stream.problems.first?.notes.first?.position == position(2, 4))
  }
}

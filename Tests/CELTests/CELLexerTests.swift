import CEL
import Testing

@Suite struct CELLexerTests {
  private func compileError(_ source: String) -> CELError? {
    do {
      _ = try CELProgram(source: source)
      return nil
    } catch {
      return error
    }
  }

  @Test func invalidEscapeIsReportedAtTheBackslash() throws {
    let error = try #require(compileError("'abc' + 'x\\sy'"))
    #expect(error.message == "invalid escape sequence '\\s'")
    #expect(error.column == 11)
  }

  @Test func surrogateAndOutOfRangeCodePointsAreRefused() {
    #expect(compileError("'\\uD83D'")?.message == "invalid code point in escape sequence")
    #expect(compileError("'\\U00110000'")?.message == "invalid code point in escape sequence")
  }

  @Test func unicodeEscapesAreRefusedInBytes() {
    #expect(compileError("b'\\u00ff'")?.message == "invalid escape sequence '\\u' in bytes literal")
  }

  @Test func unterminatedAndMultilineStrings() throws {
    #expect(compileError("'abc")?.message == "unterminated string literal")
    let newline = try #require(compileError("'ab\ncd'"))
    #expect(newline.message == "newline in string literal")
    #expect(newline.line == 1)
    #expect(newline.column == 4)
    #expect(try CELProgram(source: "'''ab\ncd'''").evaluate() == .string("ab\ncd"))
  }

  @Test func integerLiteralRanges() throws {
    #expect(try CELProgram(source: "-9223372036854775808").evaluate() == .int(.min))
    #expect(compileError("9223372036854775808")?.message == "integer literal out of range")
    #expect(compileError("18446744073709551616u")?.message == "integer literal out of range")
    #expect(try CELProgram(source: "18446744073709551615u").evaluate() == .uint(.max))
    #expect(try CELProgram(source: "0xFFu").evaluate() == .uint(255))
  }

  @Test func floatingPointForms() throws {
    #expect(try CELProgram(source: ".5").evaluate() == .double(0.5))
    #expect(try CELProgram(source: "1e3").evaluate() == .double(1000))
    #expect(try CELProgram(source: "2.5E-1").evaluate() == .double(0.25))
    // `1.` is not a double: the dot starts a member access.
    #expect(compileError("1.")?.message == "unexpected end of input; expected a field or method name after '.'")
  }

  @Test func stringAndBytesEscapesDiffer() throws {
    #expect(try CELProgram(source: "'\\377'").evaluate() == .string("\u{FF}"))
    #expect(try CELProgram(source: "b'\\377'").evaluate() == .bytes([0xFF]))
    #expect(try CELProgram(source: "b'ÿ'").evaluate() == .bytes([0xC3, 0xBF]))
    #expect(try CELProgram(source: "r'\\n'").evaluate() == .string("\\n"))
    #expect(try CELProgram(source: "Rb'\\x00'").evaluate() == .bytes(Array("\\x00".utf8)))
  }

  @Test func unexpectedCharacter() throws {
    let error = try #require(compileError("a # b"))
    #expect(error.message == "unexpected character '#'")
    #expect(error.column == 3)
    #expect(compileError("a = b")?.message == "unexpected character '='")
  }
}

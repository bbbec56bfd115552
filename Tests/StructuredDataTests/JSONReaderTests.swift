import StructuredData
import Testing

@Suite struct JSONReaderTests {
  let reader = JSONReader()

  @Test func parsesEveryKindOfValue() throws {
    let value = try reader.parse(#"{"a": [1, -2, 3.5, 1e3, true, false, null], "b": "x\u00e9\n\ud83d\ude00", "c": {}}"#)
    #expect(
      value
        == .object([
          "a": [1, -2, 3.5, 1000.0, true, false, nil], "b": .string("xé\n😀"), "c": .object([:]),
        ]))
  }

  @Test func keepsIntegersAndDoublesApart() throws {
    #expect(try reader.parse("3") == .int(3))
    #expect(try reader.parse("3.0") == .double(3))
    #expect(try reader.parse("-0") == .int(0))
    #expect(try reader.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
  }

  @Test func skipsAByteOrderMark() throws {
    #expect(try reader.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
  }

  @Test(arguments: [
    ("{\"a\": 1,}", 1, 9, "expected a string key, found '}'"),
    ("[1, 2", 1, 6, "unexpected end of input in an array"),
    ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after an object key"),
    ("\"abc", 1, 1, "unterminated string"),
    ("[01]", 1, 3, "leading zeros are not allowed"),
    ("[1] x", 1, 5, "unexpected 'x' after the JSON value"),
    ("\"\\q\"", 1, 2, "invalid escape '\\q'"),
    ("tru", 1, 1, "unexpected end of input in a literal"),
  ])
  func reportsErrorsWithPositions(text: String, line: Int, column: Int, message: String) {
    do {
      _ = try reader.parse(text)
      Issue.record("expected an error")
    } catch {
      #expect(error.line == line)
      #expect(error.column == column)
      #expect(error.message == message)
    }
  }

  @Test func rejectsDeepNestingWithoutCrashing() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    do {
      _ = try reader.parse(deep)
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "nesting deeper than 512 levels")
      #expect(error.column == 513)
    }
  }

  @Test func rejectsInvalidUTF8InStrings() {
    do {
      _ = try reader.parse([0x22, 0xFF, 0x22])
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "invalid UTF-8 in a string")
    }
  }
}

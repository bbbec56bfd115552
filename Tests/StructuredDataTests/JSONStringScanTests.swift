import StructuredData
import Testing

/// Strings and keys are scanned eight bytes at a time, and integers read without building text:
/// every special byte at every position within a word must still be found, and the values and
/// errors must be exactly those of the byte-at-a-time reading.
@Suite struct JSONStringScanTests {
  /// What a string body is, and the JSON text that spells it.
  static let specials: [(json: String, value: String)] = [
    (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é"), ("é", "é"), ("😀", "😀"), ("/", "/"),
  ]

  /// `json` preceded by `before` plain bytes and followed by `after`, as a JSON string body.
  func body(_ json: String, before: Int, after: Int) -> String {
    String(repeating: "a", count: before) + json + String(repeating: "b", count: after)
  }

  @Test func everySpecialByteIsFoundAtEveryPositionOfAWord() throws {
    for (json, value) in Self.specials {
      for before in 0..<17 {
        for after in [0, 1, 7, 8, 9] {
          let text = "\"" + body(json, before: before, after: after) + "\""
          let expected = body(value, before: before, after: after)
          #expect(try JSONReader().parse(text) == .string(expected), "\(text)")
          // As a key, read by the pull reader (matched in place) and by the whole-tree reader.
          let object = "{" + text + ": 1, \"z\": 2}"
          #expect(try JSONReader().parse(object) == .object([expected: 1, "z": 2]), "\(object)")
          let skipped = try JSONPullReader.read(Array(object.utf8)) {
            (reader: inout JSONPullReader) throws(JSONReadError) -> Int in
            var found = 0
            try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
              if reader.isKey("z") { found = Int(try reader.readValue().intValue ?? 0) }
            }
            return found
          }
          #expect(skipped == 2, "\(object)")
        }
      }
    }
  }

  @Test func aStringIsSkippedAsItIsRead() throws {
    for before in 0..<17 {
      let text = "[\"" + body(#"\"é"#, before: before, after: 3) + "\", 7]"
      let second = try JSONPullReader.read(Array(text.utf8)) {
        (reader: inout JSONPullReader) throws(JSONReadError) -> JSONValue? in
        var second: JSONValue?
        try reader.elements { (reader: inout JSONPullReader, index: Int) throws(JSONReadError) in
          if index == 1 { second = try reader.readValue() }
        }
        return second
      }
      #expect(second == .int(7), "\(text)")
    }
  }

  @Test func aControlCharacterIsReportedWhereItIs() {
    for before in 0..<17 {
      let bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: before) + [0x01] + Array("\"]".utf8)
      for skipping in [false, true] {
        do {
          if skipping {
            _ = try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) in
              try reader.skipValue()
            }
          } else {
            _ = try JSONReader().parse(bytes)
          }
          Issue.record("expected an error")
        } catch {
          #expect(error.message == "unescaped control character in a string")
          #expect(error.column == before + 3)
        }
      }
    }
  }

  @Test func invalidUTF8IsReportedAtTheStringsQuote() {
    for before in 0..<17 {
      let bytes =
        Array("[\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: before) + [0xC3, 0x28] + Array("\"]".utf8)
      do {
        _ = try JSONReader().parse(bytes)
        Issue.record("expected an error")
      } catch {
        #expect(error.message == "invalid UTF-8 in a string")
        #expect(error.column == 2)
      }
    }
  }

  @Test func anUnterminatedStringIsReportedAtItsQuote() {
    for length in 0..<17 {
      do {
        _ = try JSONReader().parse("[\"" + String(repeating: "a", count: length))
        Issue.record("expected an error")
      } catch {
        #expect(error.message == "unterminated string")
        #expect(error.column == 2)
      }
    }
  }

  @Test func integersOfUpTo18DigitsAreReadDirectlyAndLongerOnesAsBefore() throws {
    #expect(try JSONReader().parse("999999999999999999") == .int(999_999_999_999_999_999))
    #expect(try JSONReader().parse("-999999999999999999") == .int(-999_999_999_999_999_999))
    #expect(try JSONReader().parse("9223372036854775807") == .int(Int64.max))
    #expect(try JSONReader().parse("-9223372036854775808") == .int(Int64.min))
    #expect(try JSONReader().parse("-9223372036854775809") == .double(-9_223_372_036_854_775_808.0))
    #expect(try JSONReader().parse("[0, -0, 7, -12, 120]") == [0, 0, 7, -12, 120])
    #expect(try JSONReader().parse("12.5e1") == .double(125))
  }
}

import StructuredData
import Testing

/// The byte output (`bytes(for:)`) and the cases its byte-level escaping must get exactly right.
@Suite struct JSONWriterBytesTests {
  @Test(arguments: [true, false])
  func bytesAreTheStringsUTF8(pretty: Bool) {
    let value: JSONValue = [
      "é": ["\u{2028}x": [nil, true, -9_223_372_036_854_775_808, 9_223_372_036_854_775_807, 0, -7, 1e300]],
      "a": .string("😀</\u{2029}\u{7f}\u{1f}"), "": [], "z": .object([:]),
    ]
    let writer = JSONWriter(pretty: pretty)
    #expect(writer.bytes(for: value) == Array(writer.string(for: value).utf8))
  }

  @Test(arguments: [true, false])
  func aStreamedArrayWritesTheWholeObjectsBytes(pretty: Bool) {
    let elements: [JSONValue] = [["id": 1, "b": [true, nil]], "two", [], .object([:])]
    let writer = JSONWriter(pretty: pretty)
    for count in [0, 1, elements.count] {
      let members: [String: JSONValue] = ["zeta": [1, 2], "alpha": "a", "é": .object([:])]
      var whole = members
      whole["middle"] = .array(Array(elements.prefix(count)))
      let streamed = writer.bytes(for: members, streaming: "middle", count: count, element: { elements[$0] })
      #expect(streamed == writer.bytes(for: .object(whole)), "\(count) elements")
    }
    // A member of the same name is replaced by the streamed array.
    #expect(
      writer.bytes(for: ["list": "old"], streaming: "list", count: 1, element: { _ in 7 })
        == writer.bytes(for: ["list": [7]]))
  }

  @Test func writesIntegersAsStringDoes() {
    for number: Int64 in [0, 1, -1, 9, 10, -10, 1_234_567_890, .max, .min, .max - 1, .min + 1] {
      #expect(JSONWriter(pretty: false).string(for: .int(number)) == String(number))
    }
  }

  @Test func escapesEveryControlCharacterInLowercaseHex() {
    let text = String(decoding: Array(0..<0x20), as: UTF8.self)
    let expected =
      #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\n\u000b\u000c\r\u000e\u000f"#
      + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
    #expect(JSONWriter(pretty: false).string(for: .string(text)) == expected)
  }

  @Test func escapesLineSeparatorsButNotTheirNeighbours() {
    // U+2027 (E2 80 A7), U+202A (E2 80 AA) and U+20AC (E2 82 AC) share the lead byte of U+2028/U+2029.
    let text = "\u{2028}a\u{2027}\u{2029}\u{202A}€\u{2029}"
    #expect(JSONWriter(pretty: false).string(for: .string(text)) == "\"\\u2028a\u{2027}\\u2029\u{202A}€\\u2029\"")
  }

  @Test func writesNonASCIIAsItIs() {
    let text = "日本語 é e\u{301} 😀 \u{7f} \u{FEFF}"
    #expect(JSONWriter(pretty: false).string(for: .string(text)) == "\"\(text)\"")
  }

  @Test func ordersKeysByTheirUTF8Bytes() {
    // By bytes: "Z" (5A) < "a" (61) < "e\u{301}" (65 CC 81) < "z" (7A) < "é" (C3 A9) < "😀" (F0 …);
    // `String`'s `<` would put the decomposed é elsewhere.
    let value: JSONValue = ["é": 1, "z": 2, "a": 3, "😀": 4, "Z": 5, "e\u{301}x": 6, "ab": 7]
    #expect(
      JSONWriter(pretty: false).string(for: value)
        == "{\"Z\":5,\"a\":3,\"ab\":7,\"e\u{301}x\":6,\"z\":2,\"é\":1,\"😀\":4}")
  }

  @Test func indentsNestedValues() {
    let value: JSONValue = ["k<": [["x": [1, []]], .object([:])], "j": "\u{2028}"]
    let expected = """
      {
        "j": "\\u2028",
        "k\\u003c": [
          {
            "x": [
              1,
              []
            ]
          },
          {}
        ]
      }

      """
    #expect(JSONWriter().string(for: value) == expected)
    #expect(JSONWriter().bytes(for: value) == Array(expected.utf8))
  }

  @Test func escapesSubstringsAndStringsMadeFromOtherStorage() {
    // Strings that do not own their UTF-8 from the start: a slice copied out, a string built from
    // UTF-16 and a large one made by repetition. (On Linux every `String` ends up contiguous.)
    let long = String(repeating: "<é\u{2028}\"", count: 300)
    let texts = [
      String(long.dropFirst(3).prefix(20)), String(decoding: Array("a\u{2029}😀&".utf16), as: UTF16.self), long,
    ]
    for text in texts {
      var out = ""
      JSONWriter.appendQuoted(text, to: &out)
      var bytes: [UInt8] = []
      JSONWriter.appendQuoted(text, to: &bytes)
      #expect(out == JSONWriterTests.reference(text))
      #expect(bytes == Array(out.utf8))
    }
  }
}

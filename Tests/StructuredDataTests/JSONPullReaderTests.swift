import StructuredData
import Testing

@Suite struct JSONPullReaderTests {
  /// Reads `text` keeping member `keep` of the top-level object (skipping the rest), or the whole
  /// value when it is not an object.
  func keep(_ keep: StaticString, in text: String) throws(JSONReadError) -> JSONValue? {
    try JSONPullReader.read(Array(text.utf8)) { (reader: inout JSONPullReader) throws(JSONReadError) -> JSONValue? in
      guard reader.nextKind == .object else { return try reader.readValue() }
      var kept: JSONValue?
      try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
        if reader.isKey(keep) { kept = try reader.readValue() }
      }
      return kept
    }
  }

  @Test func keepsTheMembersAskedForAndSkipsTheRest() throws {
    #expect(try keep("b", in: #"{"a": {"x": [1, {"y": "}"}]}, "b": [true, null], "c": "q\"r"}"#) == [true, nil])
    #expect(try keep("z", in: #"{"a": 1}"#) == nil)
    // A later duplicate replaces an earlier one, as in `JSONReader`'s objects.
    #expect(try keep("a", in: #"{"a": 1, "a": 2}"#) == 2)
  }

  @Test func keysWithEscapesOrNonASCIIMatch() throws {
    #expect(try keep("key", in: #"{"k\u0065y": 1}"#) == 1)
    #expect(try keep("é", in: #"{"é": 2}"#) == 2)
  }

  @Test func visitsElementsWithTheirIndexAndOffset() throws {
    let bytes = Array(#"[ {"a": 1}, 7 ,"s"]"#.utf8)
    let seen = try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) -> [String] in
      var seen: [String] = []
      try reader.elements { (reader: inout JSONPullReader, index: Int) throws(JSONReadError) in
        seen.append("\(index)@\(reader.offset):\(reader.nextKind)")
      }
      return seen
    }
    #expect(seen == ["0@2:object", "1@12:other", "2@15:other"])
  }

  /// Inputs `JSONReader` rejects, wherever they sit in a skipped member.
  @Test(arguments: [
    #"{"skip": [1 2], "k": 0}"#, #"{"skip": {"a" 1}, "k": 0}"#, #"{"skip": {"a": 1,}, "k": 0}"#,
    #"{"skip": [1,], "k": 0}"#,
    #"{"skip": tru, "k": 0}"#, #"{"skip": 01, "k": 0}"#, #"{"skip": "a\qb", "k": 0}"#,
    #"{"skip": "\ud800\u0041", "k": 0}"#,
    "{\"skip\": \"a\u{01}b\", \"k\": 0}", #"{"skip": [{"a": "b"}, "k": 0}"#, #"{"k": 0} x"#, #"{"k": 0"#, #"{"k" 0}"#,
    #"{k: 0}"#,
    #"{"skip": {"a": [}]}, "k": 0}"#, "",
  ])
  func rejectsWhatJSONReaderRejects(_ text: String) {
    #expect(throws: JSONReadError.self) { try JSONReader().parse(text) }
    #expect(throws: JSONReadError.self) { try keep("k", in: text) }
  }

  @Test func rejectsInvalidUTF8InASkippedString() {
    let bytes: [UInt8] = Array(#"{"skip": ""#.utf8) + [0xC3, 0x28] + Array(#"", "k": 0}"#.utf8)
    #expect(throws: JSONReadError.self) { try JSONReader().parse(bytes) }
    #expect(throws: JSONReadError.self) {
      try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) in
        try reader.members { (_: inout JSONPullReader) throws(JSONReadError) in }
      }
    }
  }

  @Test func enforcesTheDepthLimitOnSkippedValues() throws {
    let deep = "{\"skip\": " + String(repeating: "[", count: 5) + String(repeating: "]", count: 5) + ", \"k\": 0}"
    #expect(throws: JSONReadError.self) { try JSONReader(maximumDepth: 5).parse(deep) }
    #expect(throws: JSONReadError.self) {
      try JSONPullReader.read(Array(deep.utf8), maximumDepth: 5) {
        (reader: inout JSONPullReader) throws(JSONReadError) in
        try reader.members { (_: inout JSONPullReader) throws(JSONReadError) in }
      }
    }
    _ = try JSONReader(maximumDepth: 6).parse(deep)
    try JSONPullReader.read(Array(deep.utf8), maximumDepth: 6) { (reader: inout JSONPullReader) throws(JSONReadError) in
      try reader.members { (_: inout JSONPullReader) throws(JSONReadError) in }
    }
  }

  @Test func skipsAByteOrderMarkAndAcceptsWhatJSONReaderAccepts() throws {
    let text = #"{"skip": {"a": [1, -2.5e+3, "x\u00e9\n\ud83d\ude00", true, false, null, {}, []]}, "k": "é"}"#
    #expect(try keep("k", in: text) == "é")
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"k": 1}"#.utf8)
    let value = try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) in
      try reader.readValue()
    }
    #expect(value == ["k": 1])
  }
}

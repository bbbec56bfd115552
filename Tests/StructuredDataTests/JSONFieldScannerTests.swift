import StructuredData
import Testing

@Suite struct JSONFieldScannerTests {
  let scanner = JSONFieldScanner(
    selection: JSONFieldSelection([
      ["context", "id"], ["context", "links"], ["subject", "content", "artifactId"], ["kind"],
    ]))

  func scan(_ text: String) throws(JSONReadError) -> [JSONValue?] {
    var fields: [JSONValue?] = []
    let bytes = Array(text.utf8)
    let result: Result<Void, JSONReadError> = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONReadError) in try scanner.scan(buffer, into: &fields) }
    }
    try result.get()
    return fields
  }

  @Test func keepsSelectedMembersWholeAndSkipsTheRest() throws {
    let fields = try scan(
      #"{"skip":{"deep":[1,{"a":"}"}],"s":"x\"y"},"context":{"id":"e1","links":[{"from":{"contextId":"c"}}],"other":true},"#
        + #""subject":{"content":{"artifactId":"pkg:oci/a@1"}},"kind":null}"#)
    #expect(fields[0] == "e1")
    #expect(fields[1] == [["from": ["contextId": "c"]]])
    #expect(fields[2] == "pkg:oci/a@1")
    #expect(fields[3] == .null)
  }

  @Test func absentMembersAreNilAndSlotsAreResetBetweenScans() throws {
    #expect(try scan(#"{"context":{"id":"e1"}}"#)[0] == "e1")
    let second = try scan(#"{"context":"not an object","kind":3}"#)
    #expect(second[0] == nil)
    #expect(second[3] == 3)
  }

  @Test func keysWithEscapesStillMatch() throws {
    #expect(try scan(#"{"con\u0074ext":{"id":"e2"}}"#)[0] == "e2")
  }

  @Test func truncatedAndGarbledInputIsAnErrorWithItsPosition() {
    #expect(throws: JSONReadError(message: "unterminated string", line: 1, column: 23, offset: 22)) {
      try scan(#"{"context":{"id":"e1","x"#)
    }
    #expect(throws: JSONReadError(message: "unexpected '}'", line: 1, column: 13, offset: 12)) {
      try scan(#"{"skip":[1,2}]}"#)
    }
    #expect(throws: JSONReadError(message: "expected an object, found '['", line: 1, column: 1, offset: 0)) {
      try scan("[1]")
    }
    #expect(throws: JSONReadError(message: "unexpected 'x' after the JSON value", line: 2, column: 1, offset: 3)) {
      try scan("{}\nx")
    }
  }

  @Test func arrayElementsAreFoundForScanningOneByOne() throws {
    let bytes = Array("[ {\"kind\": 1},\n {\"kind\": 2} ]".utf8)
    let ranges = try bytes.withUnsafeBufferPointer { buffer in try scanner.elementRanges(of: buffer) }
    #expect(ranges == [2..<13, 16..<27])
    let position = bytes.withUnsafeBufferPointer { JSONFieldScanner.position(of: 16, in: $0) }
    #expect(position == (2, 2))
  }
}

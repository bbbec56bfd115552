import StructuredData
import Testing

@Suite struct JSONWriterTests {
  @Test func sortsKeysAndIndents() {
    let value: JSONValue = ["b": [1, 2.5, "x"], "a": ["z": nil, "y": true], "c": [], "d": .object([:])]
    let expected = """
      {
        "a": {
          "y": true,
          "z": null
        },
        "b": [
          1,
          2.5,
          "x"
        ],
        "c": [],
        "d": {}
      }

      """
    #expect(JSONWriter().string(for: value) == expected)
  }

  @Test func compactFormHasNoSpaces() {
    #expect(JSONWriter(pretty: false).string(for: ["k": [1, 2]]) == #"{"k":[1,2]}"#)
  }

  @Test func escapesStringsSoTheyAreInertInHTML() {
    let text = JSONWriter(pretty: false).string(for: .string("</script><b>&\"\\\n\u{1}"))
    #expect(text == #""\u003c/script\u003e\u003cb\u003e\u0026\"\\\n\u0001""#)
  }

  @Test func formatsDoublesDeterministically() {
    #expect(JSONWriter(pretty: false).string(for: [1.0, 0.1, -2.5e-7, .double(.infinity)]) == "[1.0,0.1,-2.5e-07,null]")
  }

  @Test func roundTripsThroughTheReader() throws {
    let value: JSONValue = ["a": [1, -2, 3.25, "é😀\u{7}", nil, false], "b": ["c": .object([:])]]
    #expect(try JSONReader().parse(JSONWriter().string(for: value)) == value)
  }
}

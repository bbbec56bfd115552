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
    #expect(
      JSONWriter(pretty: false).string(for: [1.0, 0.1, -2.5e-7, .double(.infinity)]) == "[1.0,0.1,-2.5e-07,null]")
  }

  @Test func roundTripsThroughTheReader() throws {
    let value: JSONValue = ["a": [1, -2, 3.25, "é😀\u{7}", nil, false], "b": ["c": .object([:])]]
    #expect(try JSONReader().parse(JSONWriter().string(for: value)) == value)
  }

  /// The scalar-by-scalar escaping the writer's run-based one must match byte for byte.
  static func reference(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  @Test(arguments: [
    "", "plain", "\"", "a\"b", "\"\u{301}x", "e\u{301}<", "<b>&amp;</b>", "tab\tnew\nline\r", "\u{0}\u{1f}\u{7f}",
    "\u{2028}\u{2029}", "x\u{2027}\u{202A}€", "\u{2028}\u{301}", "😀\"😀", "ends with \\", "\u{1b}[0m",
  ])
  func escapesInRunsExactlyAsScalarByScalar(text: String) {
    var out = ""
    JSONWriter.appendQuoted(text, to: &out)
    #expect(out == Self.reference(text))
    #expect(out.unicodeScalars.elementsEqual(Self.reference(text).unicodeScalars))
  }
}

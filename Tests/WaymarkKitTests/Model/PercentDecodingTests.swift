import Testing
import WaymarkModel

@Suite struct PercentDecodingTests {
  @Test(arguments: [
    ("plain/path.md", "plain/path.md"),
    ("a%20b.md", "a b.md"),
    ("%E2%9C%93", "✓"),
    ("100%", "100%"),
    ("a%zz", "a%zz"),
    ("%FF", "%FF"),
  ])
  func decodesEscapesAndKeepsMalformedTextAsItIs(text: String, expected: String) {
    #expect(PercentDecoding.decoded(text) == expected)
    #expect(PercentDecoding.decoded(Substring("/" + text).dropFirst()) == expected)
  }
}

import StructuredData
import Testing

@Suite struct ValuePathTests {
  @Test func printsDottedPathsWithIndexes() {
    let path = ValuePath(keys: "spec", "links").appending(index: 0).appending("url")
    #expect(path.description == "spec.links[0].url")
    #expect(ValuePath().description == "")
  }

  @Test func looksUpNestedValues() {
    let value: JSONValue = ["spec": ["owner": "team-a"]]
    #expect(value.value(at: ["spec", "owner"]) == "team-a")
    #expect(value.value(at: ["spec", "missing"]) == nil)
  }
}

import Testing
import WaymarkModel

@Suite struct NameSuggesterTests {
  @Test func suggestsTheNearestName() {
    #expect(
      NameSuggester.closest(to: "group:default/paymnets", among: ["group:default/payments", "group:default/platform"])
        == "group:default/payments")
    #expect(NameSuggester.closest(to: "titel", among: ["title", "baseURL"]) == "title")
    #expect(NameSuggester.closest(to: "zzzzzz", among: ["title", "baseURL"]) == nil)
  }
}

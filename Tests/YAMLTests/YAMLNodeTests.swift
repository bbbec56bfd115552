import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLNodeTests {
  private func root(_ text: String) throws -> YAMLNode {
    try #require(YAMLLoader().load(text).documents.first?.root)
  }

  @Test func accessors() throws {
    let node = try root("a: [1, 2]\nb: text\n")
    #expect(node.mapping?.count == 2)
    #expect(node.sequence == nil)
    #expect(node.scalar == nil)
    #expect(node["a"]?.sequence?.count == 2)
    #expect(node["b"]?.scalar == YAMLScalar(text: "text", style: .plain))
    #expect(node["c"] == nil)
    #expect(node["a"]?["x"] == nil)
  }

  @Test func subscriptFollowsMergeKeysAndTakesTheFirstDuplicate() throws {
    let node = try root("base: &b {x: merged, y: merged}\nuse:\n  <<: *b\n  y: own\n  y: again\n")
    #expect(node["use"]?["x"]?.scalar?.text == "merged")
    #expect(node["use"]?["y"]?.scalar?.text == "own")
  }
}

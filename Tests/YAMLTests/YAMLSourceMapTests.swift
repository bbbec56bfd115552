import StructuredData
import Testing

@testable import YAML

@Suite struct YAMLSourceMapTests {
  private let text = """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments
      links:
        - url: https://example.com/dashboard
          title: Dashboard
        - {url: "https://example.com/runbook", title: Runbook}
    spec:
      <<: &defaults
        lifecycle: production
      owner: team-payments
    """

  private func position(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
  }

  private func sourceMap() throws -> YAMLSourceMap {
    let stream = YAMLLoader().load(text)
    let conversion = try #require(stream.documents.first).converted()
    #expect(conversion.problems == [])
    return conversion.sourceMap
  }

  private func path(_ components: ValuePath.Component...) -> ValuePath {
    ValuePath(components)
  }

  @Test func valuePositions() throws {
    let map = try sourceMap()
    #expect(map.position(of: ValuePath()) == position(1, 1))
    #expect(map.position(of: ValuePath(keys: "spec", "owner")) == position(12, 10))
    #expect(map.position(of: path(.key("metadata"), .key("links"), .index(0), .key("url"))) == position(6, 12))
    #expect(map.position(of: path(.key("metadata"), .key("links"), .index(1), .key("url"))) == position(8, 13))
    #expect(map.position(of: path(.key("metadata"), .key("links"), .index(1))) == position(8, 7))
    #expect(path(.key("metadata"), .key("links"), .index(0), .key("url")).description == "metadata.links[0].url")
  }

  @Test func keyPositions() throws {
    let map = try sourceMap()
    #expect(map.keyPosition(of: ValuePath(keys: "spec", "owner")) == position(12, 3))
    #expect(map.keyPosition(of: ValuePath(keys: "kind")) == position(2, 1))
    #expect(map.keyPosition(of: path(.key("metadata"), .key("links"), .index(1), .key("title"))) == position(8, 44))
    #expect(map.keyPosition(of: path(.key("metadata"), .key("links"), .index(0))) == nil)
    #expect(map.keyPosition(of: ValuePath()) == nil)
    #expect(map.keyPosition(of: ValuePath(keys: "spec", "missing")) == nil)
  }

  @Test func mergedMembersPointAtTheirDefinition() throws {
    let map = try sourceMap()
    #expect(map.position(of: ValuePath(keys: "spec", "lifecycle")) == position(11, 16))
    #expect(map.keyPosition(of: ValuePath(keys: "spec", "lifecycle")) == position(11, 5))
  }

  @Test func missingPathsFallBackToTheNearestAncestor() throws {
    let map = try sourceMap()
    #expect(map.position(of: ValuePath(keys: "spec", "system")) == position(10, 3))
    #expect(map.position(of: path(.key("metadata"), .key("links"), .index(7), .key("url"))) == position(6, 5))
    #expect(map.position(of: ValuePath(keys: "kind", "deeper")) == position(2, 7))
    #expect(map.node(at: ValuePath(keys: "spec", "system")) == nil)
    #expect(map.node(at: ValuePath(keys: "metadata", "name"))?.scalar?.text == "payments")
  }

  @Test func firstOfDuplicateKeysIsTheOneMapped() throws {
    let stream = YAMLLoader().load("a: 1\nb: 2\na: 3\n")
    let map = try #require(stream.documents.first).converted().sourceMap
    #expect(map.position(of: ValuePath(keys: "a")) == position(1, 4))
  }

  @Test func emptyMapKnowsNothing() {
    #expect(YAMLSourceMap().position(of: ValuePath(keys: "a")) == nil)
    #expect(YAMLSourceMap().keyPosition(of: ValuePath(keys: "a")) == nil)
  }
}

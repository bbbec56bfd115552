import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkScorecards
import WaymarkTestSupport
import YAML

@Suite struct EntityEnvelopeTests {
  @Test func absentEnvelopeFieldsTakeBackstageDefaults() {
    let document: JSONValue = [
      "apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": ["name": "bare"],
    ]
    let entity = Entity(
      ref: EntityRef(kind: "Component", namespace: "default", name: "bare"), document: document,
      source: EntitySource(path: "c.yaml", line: 1, sourceMap: YAMLSourceMap()))
    let expected: JSONValue = [
      "apiVersion": "backstage.io/v1alpha1", "kind": "Component",
      "metadata": [
        "name": "bare", "namespace": "default", "annotations": .object([:]), "labels": .object([:]), "tags": .array([]),
        "links": .array([]),
      ],
      "spec": .object([:]),
    ]
    #expect(EntityEnvelope.document(of: entity) == expected)
  }

  @Test func writtenFieldsAreKeptAsWritten() {
    let document: JSONValue = [
      "kind": "Component",
      "metadata": [
        "name": "full", "namespace": "ops", "annotations": ["a": "1"], "labels": ["l": "x"], "tags": ["go"],
      ],
      "spec": ["type": "service"],
    ]
    let entity = Entity(
      ref: EntityRef(kind: "Component", namespace: "ops", name: "full"), document: document,
      source: EntitySource(path: "c.yaml", line: 1, sourceMap: YAMLSourceMap()))
    let metadata = EntityEnvelope.document(of: entity)["metadata"]
    #expect(metadata?["annotations"] == ["a": "1"])
    #expect(metadata?["labels"] == ["l": "x"])
    #expect(metadata?["tags"] == ["go"])
    #expect(metadata?["links"] == .array([]))
    #expect(metadata?["namespace"] == "ops")
    #expect(EntityEnvelope.document(of: entity)["spec"] == ["type": "service"])
  }

  @Test func aScorecardOverEntitiesWithoutAnnotationsPassesOrFailsInsteadOfErroring() async throws {
    let scorecard = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: envelope}
      spec:
        appliesTo: "entity.kind == 'Component'"
        checks:
          - {id: paged, expr: "'pagerduty.com/service-id' in entity.metadata.annotations"}
          - {id: labelled, expr: "'tier' in entity.metadata.labels"}
          - {id: tagged, expr: "entity.metadata.tags.exists(t, t == 'java')"}
          - {id: linked, expr: "size(entity.metadata.links) > 0"}
          - {id: namespaced, expr: "entity.metadata.namespace == 'default'"}

      """
    let result = try await ScorecardFixture.build(try ScorecardFixture.site(["policies/envelope.yaml": scorecard]))
    let report = try #require(result.scorecards.reports.first { $0.scorecard.name == "envelope" })
    let table = report.results.map { score in
      "\(score.entity.name): " + score.checks.map { "\($0.id)=\($0.outcome.rawValue)" }.joined(separator: " ")
    }
    #expect(
      table == [
        "bad: paged=fail labelled=fail tagged=fail linked=fail namespaced=pass",
        "good: paged=pass labelled=fail tagged=fail linked=fail namespaced=pass",
        "lib: paged=fail labelled=fail tagged=fail linked=fail namespaced=pass",
      ])
    #expect(!ScorecardFixture.text(result).contains("envelope"))
  }
}

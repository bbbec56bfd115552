import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkTestSupport

/// Mapping precedence: annotation, then purl name, then entity name; the rest listed as unmapped.
@Suite struct EventMapperTests {
  typealias F = DeliveryFixture

  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: alpha
      annotations: {waymark.dev/cdevents-subject: "service/legacy-name, old-image"}
    spec: {type: service, lifecycle: production, owner: team}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: beta}
    spec: {type: service, lifecycle: production, owner: team}

    """

  static func deploy(_ id: String, subject: String, purl: String) -> String {
    F.cdevent(
      "service.deployed.0.3.0", id: id, at: "2026-10-10T12:00:00Z", subject: subject,
      content: #"{"environment":{"id":"prod"},"artifactId":"pkg:oci/\#(purl)@1"}"#)
  }

  @Test func annotationThenPurlNameThenEntityName() async throws {
    let lines = [
      Self.deploy("1", subject: "service/legacy-name", purl: "beta"),  // annotation beats purl → alpha
      Self.deploy("2", subject: "service/alpha", purl: "beta"),  // purl beats entity name → beta
      Self.deploy("3", subject: "service/alpha", purl: "unknown"),  // entity name (last part) → alpha
      Self.deploy("4", subject: "svc-x", purl: "old-image"),  // annotation by purl name → alpha
      Self.deploy("5", subject: "service/nobody", purl: "nothing"),
      Self.deploy("6", subject: "service/nobody", purl: "nothing"),
      Self.deploy("7", subject: "service/ghost", purl: "nothing"),
    ]
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": Self.catalog, "content/events/e.jsonl": lines.joined(separator: "\n"),
      "waymark.yaml": "metrics: {windowDays: 28}\n",
    ])
    let result = try await SiteBuilder().build(BuildOptions(root: root, asOf: F.asOf, writesOutput: false))
    let dora = try F.json(result, "api/dora.json")
    #expect(dora["entities"]?["component:default/alpha"]?["deployments"] == 3)
    #expect(dora["entities"]?["component:default/beta"]?["deployments"] == 1)
    let unmapped = try F.json(result, "api/events-unmapped.json")
    #expect(
      unmapped == [
        "events": 3,
        "subjects": [
          ["subject": "service/ghost", "events": 1, "types": ["dev.cdevents.service.deployed.0.3.0": 1]],
          ["subject": "service/nobody", "events": 2, "types": ["dev.cdevents.service.deployed.0.3.0": 2]],
        ],
      ])
  }
}

import Foundation
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// A small organisation and scorecard for the scorecard tests.
enum ScorecardFixture {
  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: org}
    spec: {type: organization, children: [platform, payments]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: platform}
    spec: {type: team, parent: org, children: [portal]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: portal}
    spec: {type: team, parent: platform, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: payments}
    spec: {type: team, parent: org, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: nested.approver}
    spec: {memberOf: [portal]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: outsider}
    spec: {memberOf: [payments]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: good
      description: Everything is in place here.
      annotations: {pagerduty.com/service-id: P1}
    spec: {type: service, lifecycle: production, owner: payments}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: bad}
    spec: {type: service, lifecycle: production, owner: payments}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: lib}
    spec: {type: library, lifecycle: production, owner: payments}

    """

  static let scorecard = """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata: {name: ready, title: Ready}
    spec:
      owner: platform
      appliesTo: "entity.kind == 'Component' && entity.spec.type == 'service'"
      levels: [bronze, silver, gold]
      waivers: {approvers: [platform]}
      gate:
        noLevelDrop: true
        minimumLevel: [{level: bronze, where: "entity.spec.lifecycle == 'production'"}]
      checks:
        - {id: owned, level: bronze, expr: "'ownedBy' in relations"}
        - {id: described, level: bronze, weight: 2, expr: "has(entity.metadata.description)", remediation: Describe it.}
        - {id: paged, level: silver, expr: "'pagerduty.com/service-id' in entity.metadata.annotations"}
        - {id: experimental-only, level: gold, applicable: "entity.spec.lifecycle == 'experimental'", expr: "false"}
        - {id: never, level: gold, expr: "1 == 2"}

    """

  static func site(_ extra: [String: String] = [:]) throws -> URL {
    var files = ["content/catalog/org.yaml": catalog, "policies/ready.yaml": scorecard]
    files.merge(extra) { $1 }
    return try SiteFixture.make(files)
  }

  /// Builds `root` (into a temporary folder unless `output` is given), or only checks it.
  static func build(
    _ root: URL, asOf: String = "2026-11-01T00:00:00Z", check: Bool = false, baseline: URL? = nil, output: URL? = nil
  )
    async throws -> BuildResult
  {
    let folder = try output ?? TestPaths.temporaryDirectory("scorecard-site")
    return try await SiteBuilder().build(
      BuildOptions(root: root, output: folder, asOf: Timestamp(iso8601: asOf), writesOutput: !check, baseline: baseline)
    )
  }

  static func text(_ result: BuildResult) -> String { DiagnosticFormat.text.format(result.diagnostics) }
}

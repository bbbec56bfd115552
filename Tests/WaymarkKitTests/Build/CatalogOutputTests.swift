import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The catalog as a build reports and publishes it: diagnostics, entity JSON and the JSON Schemas.
@Suite struct CatalogOutputTests {
  func build(_ files: [String: String]) async throws -> BuildResult {
    let root = try SiteFixture.make(files)
    return try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
  }

  func file(_ result: BuildResult, _ path: String) throws -> String {
    String(decoding: try #require(result.files.first { $0.path == path }).bytes, as: UTF8.self)
  }

  @Test func everyValidationStepNamesFileLineColumnEntityAndField() async throws {
    let result = try await build([
      "content/catalog/org.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: payments
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments-api
        labels: {tier: 1, "bad key!": x}
        annotations: {pagerduty.com/service-id: 12345}
        tags: [Kotlin, c++, k8s:prod, a--b]
        links: [{url: not-a-url, title: "", icon: "a b"}]
      spec:
        type: service
        lifecycle: production
        owner: paymnets
      status: {}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: -bad-, namespace: Payments_Team}
      spec: {type: 7, lifecycle: "", owner: payments, providesApis: [null]}

      """,
      "content/catalog/dup.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: Payments}
      spec: {type: team, children: []}

      """,
    ])
    assertGolden(DiagnosticFormat.text.format(result.diagnostics), named: "catalog-diagnostics.txt")
  }

  @Test func entityJSONAndSchemasArePublished() async throws {
    let result = try await build([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog + """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: svc-api, namespace: default}
        spec: {type: openapi, lifecycle: production, owner: team-a, definition: {$text: ./svc.openapi.yml}}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: jo}
        spec: {memberOf: [team-a]}

        """,
      "content/catalog/svc.openapi.yml": "openapi: 3.0.3\ninfo: {title: Svc, version: 1.0.0}\npaths: {}\n",
    ])
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    assertGolden(try file(result, "api/entities/default/group/team-a.json"), named: "entity-team-a.json")
    assertGolden(try file(result, "api/entities/default/api/svc-api.json"), named: "entity-svc-api.json")
    assertGolden(try file(result, "api/schema/entity.schema.json"), named: "entity.schema.json")
    assertGolden(try file(result, "api/schema/catalog.schema.json"), named: "catalog.schema.json")
    #expect(try file(result, "api/build.json").contains("\"path\": \"content/catalog/svc.openapi.yml\""))
  }
}

import Foundation
import Testing
import WaymarkCatalog
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Mapping precedence: explicit entity reference, then Kubernetes identity, then file path
/// (nearest folder first); everything else is unmapped.
@Suite struct PolicyResultMapperTests {
  static let files = [
    "content/catalog/shop.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments-api
      annotations:
        backstage.io/kubernetes-id: payments-api
        backstage.io/kubernetes-namespace: acme-prod
        backstage.io/source-location: dir:../../services/payments/
    spec: {type: service, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: checkout-web
      annotations:
        backstage.io/kubernetes-id: checkout-web
        backstage.io/source-location: dir:../../../outside
    spec: {type: website, lifecycle: production, owner: team-a}
    """,
    "services/payments/deep/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: payments-deep}
    spec: {type: service, lifecycle: production, owner: team-a}
    """,
    "services/two/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Resource
    metadata: {name: db-two}
    spec: {type: database, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: svc-two}
    spec: {type: service, lifecycle: production, owner: team-a}
    """,
    "services/three/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: c-one}
    spec: {type: service, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: c-two}
    spec: {type: service, lifecycle: production, owner: team-a}
    """,
  ]

  func mapper(_ files: [String: String] = Self.files) async throws -> GuardrailMapper {
    let root = try SiteFixture.make(files)
    let loaded = await CatalogLoader(root: root).load(paths: files.keys.sorted())
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    #expect((loaded.diagnostics + diagnostics).filter { $0.severity == .error }.isEmpty)
    return GuardrailMapper(catalog: catalog)
  }

  func finding(entity: String? = nil, kubernetes: [KubernetesObject] = [], file: String? = nil) -> GuardrailFinding {
    GuardrailFinding(
      tool: "t", ruleId: "R1", result: .fail, severity: .high, message: "m", file: file,
      input: SourceLocation(path: "content/policy-results/r.json", line: 3, column: 5), entityRef: entity,
      kubernetes: kubernetes)
  }

  func name(_ result: (EntityRef?, Diagnostic?)) -> String? { result.0?.name }

  static let paymentsDeployment = KubernetesObject(kind: "Deployment", namespace: "acme-prod", name: "payments-api")

  @Test func anExplicitReferenceWinsOverKubernetesAndPath() async throws {
    let mapper = try await mapper()
    let result = mapper.entity(
      for: finding(
        entity: "component:checkout-web", kubernetes: [Self.paymentsDeployment], file: "services/two/main.tf"))
    #expect(name(result) == "checkout-web")
    #expect(result.1 == nil)
  }

  @Test func anUnknownExplicitReferenceWarnsAndFallsThrough() async throws {
    let mapper = try await mapper()
    let result = mapper.entity(for: finding(entity: "component:default/nope", kubernetes: [Self.paymentsDeployment]))
    #expect(name(result) == "payments-api")
    #expect(
      result.1.map { DiagnosticFormat.text.format(DiagnosticList([$0])) }
        == "content/policy-results/r.json:3:5: warning: result names entity 'component:default/nope', which is not in the catalog; trying the other mappings [policy.unknown-entity]\n"
    )
  }

  @Test func kubernetesIdentityWinsOverPath() async throws {
    let mapper = try await mapper()
    #expect(
      name(mapper.entity(for: finding(kubernetes: [Self.paymentsDeployment], file: "services/two/main.tf")))
        == "payments-api")
  }

  @Test func theEntityNamespaceRestrictsKubernetesMatches() async throws {
    let mapper = try await mapper()
    let elsewhere = KubernetesObject(kind: "Deployment", namespace: "staging", name: "payments-api")
    #expect(name(mapper.entity(for: finding(kubernetes: [elsewhere]))) == nil)
    #expect(name(mapper.entity(for: finding(kubernetes: [elsewhere], file: "services/two/main.tf"))) == "svc-two")
    // checkout-web sets no namespace, so any namespace matches.
    #expect(
      name(
        mapper.entity(
          for: finding(kubernetes: [KubernetesObject(kind: "Service", namespace: "x", name: "checkout-web")])))
        == "checkout-web")
  }

  @Test func anObjectsKubernetesIdLabelWinsOverItsName() async throws {
    let mapper = try await mapper()
    // The label names payments-api although the object's name is checkout-web's id.
    let labelled = KubernetesObject(
      kind: "Pod", namespace: "acme-prod", name: "checkout-web", kubernetesId: "Payments-API")
    #expect(name(mapper.entity(for: finding(kubernetes: [labelled]))) == "payments-api")
    // Selected by label alone (no name), still restricted by the entity's namespace.
    let selected = KubernetesObject(kind: "", namespace: "acme-prod", name: "", kubernetesId: "payments-api")
    #expect(name(mapper.entity(for: finding(kubernetes: [selected]))) == "payments-api")
    let elsewhere = KubernetesObject(kind: "", namespace: "staging", name: "", kubernetesId: "payments-api")
    #expect(name(mapper.entity(for: finding(kubernetes: [elsewhere]))) == nil)
    // A label no entity claims falls back to the name.
    let unknown = KubernetesObject(kind: "Deployment", namespace: "x", name: "checkout-web", kubernetesId: "nobody")
    #expect(name(mapper.entity(for: finding(kubernetes: [unknown]))) == "checkout-web")
  }

  @Test func generatedPodNamesMatchTheirWorkloadButOtherKindsNeedTheExactName() async throws {
    let mapper = try await mapper()
    let pod = KubernetesObject(kind: "Pod", namespace: "acme-prod", name: "payments-api-7d9c6b-x2k4q")
    #expect(name(mapper.entity(for: finding(kubernetes: [pod]))) == "payments-api")
    let canary = KubernetesObject(kind: "Deployment", namespace: "acme-prod", name: "checkout-web-canary")
    #expect(name(mapper.entity(for: finding(kubernetes: [canary]))) == nil)
  }

  @Test func theNearestFolderWins() async throws {
    let mapper = try await mapper()
    #expect(name(mapper.entity(for: finding(file: "services/payments/deep/k8s/deploy.yaml"))) == "payments-deep")
    #expect(name(mapper.entity(for: finding(file: "services/payments/terraform/main.tf"))) == "payments-api")
    #expect(name(mapper.entity(for: finding(file: "services/paymentsx/main.tf"))) == nil)
  }

  @Test func atEqualDepthAComponentWinsOverAResourceAndTwoComponentsAreAmbiguous() async throws {
    let mapper = try await mapper()
    #expect(name(mapper.entity(for: finding(file: "services/two/main.tf"))) == "svc-two")
    #expect(name(mapper.entity(for: finding(file: "services/three/main.tf"))) == nil)
  }

  @Test func atEqualDepthASourceLocationWinsOverACatalogFileFolder() async throws {
    let mapper = try await mapper([
      "apps/web/catalog-info.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: web-app}
      spec: {type: website, lifecycle: production, owner: team-a}
      """,
      "content/catalog/infra.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team-a}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Resource
      metadata:
        name: web-infra
        annotations: {backstage.io/source-location: "dir:../../apps/web"}
      spec: {type: bucket, owner: team-a}
      """,
    ])
    // Both claim apps/web: the source-location wins although the other is a Component.
    #expect(name(mapper.entity(for: finding(file: "apps/web/main.tf"))) == "web-infra")
    #expect(name(mapper.entity(for: finding(file: "apps/web/src/index.ts"))) == "web-infra")
    #expect(name(mapper.entity(for: finding(file: "apps/other.tf"))) == nil)
  }

  @Test func pathsOutsideTheRootMapToNothing() async throws {
    let mapper = try await mapper()
    #expect(name(mapper.entity(for: finding(file: "../outside/main.tf"))) == nil)
    #expect(name(mapper.entity(for: finding(file: "outside/main.tf"))) == nil)
    #expect(name(mapper.entity(for: finding(file: "file:///C:/code/main.tf"))) == nil)
  }

  @Test func unmappedFindingsAreListedAndCountedPerFile() async throws {
    let mapper = try await mapper()
    var file = ParsedGuardrailFile(path: "content/policy-results/r.json", format: "checkov")
    file.findings = [finding(file: "services/two/main.tf"), finding(file: "nowhere/main.tf")]
    let (results, diagnostics) = mapper.map([file])
    #expect(results.unmapped.map(\.file) == ["nowhere/main.tf"])
    #expect(results.entityRefs.map(\.canonical) == ["component:default/svc-two"])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(diagnostics))
        == "content/policy-results/r.json:1:1: warning: 1 of 2 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]\n"
    )
    // No result is unknown, not pass.
    #expect(results.fact(for: EntityRef(kind: "Component", name: "c-one")) == .null)
  }
}

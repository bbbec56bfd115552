import Foundation
import Testing
import WaymarkCatalog
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Mapping by repository and the paths that cannot be in a repository, on results shaped like
/// real tool output (`Tests/Fixtures/guardrails-real`): each result's entity and the rule that
/// mapped it.
@Suite struct GuardrailRepositoryMappingTests {
  static let fixture = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/guardrails-real")

  func catalog() async -> Catalog {
    let loaded = await CatalogLoader(root: Self.fixture).load(paths: ["catalog/acme.yaml"])
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    #expect((loaded.diagnostics + diagnostics).filter { $0.severity == .error }.isEmpty)
    return catalog
  }

  func mapped(_ paths: [String], settings: GuardrailSettings = GuardrailSettings()) async -> (
    GuardrailResults, [Diagnostic]
  ) {
    let catalog = await catalog()
    var loaded = await GuardrailResultLoader(root: Self.fixture).load(paths: paths)
    #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
    return GuardrailMapper(catalog: catalog, settings: settings).map(loaded.takeParsed())
  }

  /// `message → entity (mappedBy)` for every finding, entities first, then the unmapped.
  func table(_ results: GuardrailResults) -> [String] {
    results.entityRefs.flatMap { ref in
      (results.findingsByEntity[ref] ?? []).map { "\($0.message) → \(ref.name) (\($0.mappedBy?.rawValue ?? "-"))" }
    } + results.unmapped.map { "\($0.message) → unmapped" }
  }

  func text(_ diagnostics: [Diagnostic]) -> String { DiagnosticFormat.text.format(DiagnosticList(diagnostics)) }

  @Test func provenanceAndCheckoutRootsMapByRepositoryAndOtherAbsolutePathsStayUnmapped() async {
    let (results, diagnostics) = await mapped(["codeql-provenance.sarif", "eslint-absolute.sarif"])
    #expect(
      table(results) == [
        "Cross-site scripting vulnerability due to [user-provided value](1). → web (repository)",
        "Unused variable x. → web (repository)",
        "'x' is assigned a value but never used. → web (repository)",
        // file:///Users/… is under no checkout root: never the root catalog-info's component.
        "'y' is assigned a value but never used. → unmapped",
      ])
    let repositories = results.entityRefs.flatMap { results.findingsByEntity[$0] ?? [] }.map {
      $0.repository?.description
    }
    #expect(repositories == ["github.com/acme/web", "github.com/acme/web", "web"])
    #expect(
      text(diagnostics)
        == "eslint-absolute.sarif:1:1: warning: 1 of 2 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]\n"
    )
  }

  @Test func aSubfolderBeatsTheWholeRepositoryAndATieIsReported() async {
    let (results, diagnostics) = await mapped(["gitlab-mono.sarif"])
    #expect(
      table(results) == [
        "elsewhere in the repository → mono (repository)",
        "in the api subfolder → mono-api (repository-folder)",
        "in a repository two entities claim → unmapped",
      ])
    #expect(
      text(diagnostics) == """
        gitlab-mono.sarif:1:1: warning: 1 result(s) are in repository 'acme/twins', which component:default/twin-a and component:default/twin-b claim equally; they are unmapped (give each a source-location subfolder, or name the entity with waymark.dev/entity) [policy.ambiguous-repository]
        gitlab-mono.sarif:1:1: warning: 1 of 3 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]

        """)
  }

  @Test func aComponentBeatsAResourceOfTheSameRepository() async {
    let (results, _) = await mapped(["trivy-fs.json"])
    #expect(results.entityRefs.map(\.name) == ["payments"])
    #expect(Set(results.findingsByEntity.values.joined().map(\.mappedBy)) == [.repository])
  }

  @Test func pathsThatCannotBeInTheRepositoryNeverReachTheRootFolder() async {
    let (results, _) = await mapped(["outside-root.sarif", "trivy-rootpath.sarif"])
    #expect(
      table(results) == [
        "inside the root → python-app (folder)",
        "Package: requests\nInstalled Version: 2.25.0 → python-app (folder)",
        "Package: urllib3\nInstalled Version: 1.26.4 → python-app (folder)",
        "Package: urllib3\nInstalled Version: 1.26.4 → python-app (folder)",
        "above the root → unmapped",
        "another drive → unmapped",
        "an image path → unmapped",
      ])
  }

  @Test func aConfiguredCheckoutRootNamesTheOrganisation() async throws {
    var file = ParsedGuardrailFile(path: "r.sarif", format: "sarif")
    file.findings = [
      GuardrailFinding(
        tool: "t", ruleId: "R", result: .fail, severity: .high, message: "m", file: "payments/main.tf",
        input: SourceLocation(path: "r.sarif", line: 1, column: 1), fileBase: "/workspace/acme/")
    ]
    let catalog = await catalog()
    let roots = [try #require(RepositoryPattern("/workspace/{org}/{repo}"))]
    let (configured, _) = GuardrailMapper(catalog: catalog, settings: GuardrailSettings(checkoutRoots: roots)).map([
      file
    ])
    #expect(table(configured) == ["m → payments (repository)"])
    // Without it, the path relative to the base is root-relative, in no claimed folder but the root.
    let (defaults, _) = GuardrailMapper(catalog: catalog).map([file])
    #expect(table(defaults) == ["m → catalog-root (folder)"])
  }

  @Test func checkovPodTemplatesReachTheComponentNamedLikeTheirOwner() async {
    let (results, _) = await mapped(["checkov-pod-template.json"])
    #expect(
      table(results) == [
        "The default namespace should not be used → test-deployment (kubernetes)",
        "Containers should not run with allowPrivilegeEscalation → test-deployment (kubernetes)",
      ])
  }

  @Test func theSameCheckFromTwoInputsIsKeptOnceBeforeMapping() async {
    // checkov `-o json -o sarif`: the JSON names the pod template, the SARIF only the file, which
    // the root's folder claim would take.
    func finding(_ input: String, kubernetes: [KubernetesObject]) -> GuardrailFinding {
      GuardrailFinding(
        tool: input.hasSuffix("json") ? "checkov" : "Checkov", ruleId: "CKV_K8S_20", result: .fail, severity: .high,
        message: input, file: input.hasSuffix("json") ? "/deploy/deployment.yaml" : "deploy/deployment.yaml", line: 12,
        input: SourceLocation(path: input, line: 1, column: 1), kubernetes: kubernetes)
    }
    var json = ParsedGuardrailFile(path: "checkov/results_json.json", format: "checkov")
    json.tools = ["checkov"]
    json.findings = [
      finding(
        json.path,
        kubernetes: [KubernetesObject(kind: "Pod", namespace: "default", name: "test-deployment.app-test-app")])
    ]
    var sarif = ParsedGuardrailFile(path: "checkov/results_sarif.sarif", format: "sarif")
    sarif.tools = ["Checkov"]
    sarif.findings = [finding(sarif.path, kubernetes: [])]
    let (results, diagnostics) = GuardrailMapper(catalog: await catalog()).map([json, sarif])
    #expect(table(results) == ["checkov/results_json.json → test-deployment (kubernetes)"])
    #expect(diagnostics.isEmpty)
    #expect(results.inputs.map(\.results) == [1, 1])
  }
}

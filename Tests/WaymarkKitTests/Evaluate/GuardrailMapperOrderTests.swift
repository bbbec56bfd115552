import Foundation
import Testing
import WaymarkCatalog
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The mapper moves findings out of the files it is handed and restores their order; a caller
/// that keeps its own copy gets the same results. Folder claims are looked up from the first
/// path segment, so a file outside every claimed folder still reaches a claim on the root.
@Suite struct PolicyResultMapperOrderTests {
  static let catalog = [
    "catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: monorepo}
    spec: {type: service, lifecycle: production, owner: team-a}
    """,
    "services/pay/catalog-info.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: pay}
    spec: {type: service, lifecycle: production, owner: team-a}
    """,
    "groups.yaml": """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, children: []}
    """,
  ]

  func mapper() async throws -> GuardrailMapper {
    let root = try SiteFixture.make(Self.catalog)
    let loaded = await CatalogLoader(root: root).load(paths: Self.catalog.keys.sorted())
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    #expect((loaded.diagnostics + diagnostics).filter { $0.severity == .error }.isEmpty)
    return GuardrailMapper(catalog: catalog)
  }

  func finding(_ rule: String, file: String?, input: String, line: Int, entity: String? = nil) -> GuardrailFinding {
    GuardrailFinding(
      tool: "t", ruleId: rule, result: .fail, severity: .high, message: "m", file: file,
      input: SourceLocation(path: input, line: line, column: 1), entityRef: entity)
  }

  /// Two input files whose findings go everywhere; the second lists its findings out of order.
  func files() -> [ParsedGuardrailFile] {
    var first = ParsedGuardrailFile(path: "results/a.sarif", format: "sarif")
    first.findings = [
      finding("R1", file: "services/pay/main.tf", input: first.path, line: 3),
      finding("R2", file: "/abs/elsewhere.tf", input: first.path, line: 4),
      finding("R3", file: "tools/x.sh", input: first.path, line: 5),
      finding("R4", file: nil, input: first.path, line: 6, entity: "component:nope"),
      finding("R5", file: "services/other/main.tf", input: first.path, line: 7),
    ]
    var second = ParsedGuardrailFile(path: "results/b.sarif", format: "sarif")
    second.findings = [
      finding("R7", file: "services/pay/b.tf", input: second.path, line: 9),
      finding("R6", file: "services/pay/a.tf", input: second.path, line: 2),
      finding("R8", file: nil, input: second.path, line: 1),
    ]
    return [first, second]
  }

  func summary(_ results: GuardrailResults) -> [String] {
    results.entityRefs.map { ref in
      ref.name + ": "
        + (results.findingsByEntity[ref] ?? []).map { "\($0.ruleId)@\($0.input.path):\($0.input.line)" }.joined(
          separator: " ")
    } + [
      "unmapped: " + results.unmapped.map { "\($0.ruleId)@\($0.input.path):\($0.input.line)" }.joined(separator: " ")
    ]
  }

  @Test func findingsLandInOrderWhetherTheFilesAreHandedOverOrKept() async throws {
    let mapper = try await mapper()
    let kept = files()
    let (fromKept, keptDiagnostics) = mapper.map(kept)
    var loaded = LoadedGuardrailResults(files: [], parsed: files())
    let (fromHandedOver, handedDiagnostics) = mapper.map(loaded.takeParsed())
    #expect(loaded.parsed.isEmpty)
    #expect(kept.map(\.findings.count) == [5, 3])
    #expect(fromKept == fromHandedOver)
    #expect(keptDiagnostics == handedDiagnostics)
    #expect(
      summary(fromKept) == [
        // The root's claim takes what no nearer folder claims (tools/, services/other/), as the
        // walk up the folders always did; an absolute path cannot be in the repository.
        "monorepo: R3@results/a.sarif:5 R5@results/a.sarif:7",
        // b.sarif's findings were out of order: sorted.
        "pay: R1@results/a.sarif:3 R6@results/b.sarif:2 R7@results/b.sarif:9",
        "unmapped: R2@results/a.sarif:4 R4@results/a.sarif:6 R8@results/b.sarif:1",
      ])
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(keptDiagnostics)) == """
        results/a.sarif:1:1: warning: 2 of 5 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]
        results/a.sarif:6:1: warning: result names entity 'component:nope', which is not in the catalog; trying the other mappings [policy.unknown-entity]
        results/b.sarif:1:1: warning: 1 of 3 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]

        """)
    // The diagnostics come in file order, each file's warnings before its unmapped count.
    #expect(keptDiagnostics.map(\.code) == [.policyUnknownEntity, .policyUnmapped, .policyUnmapped])
  }
}

import Foundation
import Testing
import WaymarkCatalog
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The guardrail stage's build-cache entry (issue 26): its whole output reads back as made, and
/// only for the same results files and catalog.
@Suite struct GuardrailStageMemoTests {
  static let sarif = """
    {"version": "2.1.0", "runs": [{
      "tool": {"driver": {"name": "lint", "rules": [{"id": "R1", "helpUri": "https://example.com/r1"}]}},
      "results": [
        {"ruleId": "R1", "level": "error", "message": {"text": "Bad."},
         "properties": {"waymark.dev/entity": "component:default/svc"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a.py"}, "region": {"startLine": 3}}}]},
        {"ruleId": "R1", "level": "note", "message": {"text": "Nowhere."}},
        {"ruleId": "R1", "level": "warning", "message": {"text": "Unknown."},
         "properties": {"waymark.dev/entity": "component:default/gone"}}
      ]}]}
    """

  static func stage() async throws -> GuardrailStage {
    let root = try SiteFixture.make([
      "content/catalog/c.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: svc}\nspec: {type: service, lifecycle: production, owner: team-a}\n",
      "content/policy-results/lint.sarif": sarif,
    ])
    let inputs = SiteInputsLoader(root: root).load()
    let catalog = CatalogStage(inputs: inputs)
    return GuardrailStage(inputs: inputs, catalog: catalog.assemble(await catalog.load()).catalog)
  }

  static func table(_ entries: [MemoKey: [UInt8]]) throws -> CacheTable {
    let configuration = MemoKey.digest(of: [0])
    let file = CacheTable.encode(name: GuardrailStage.memoTable, configuration: configuration, entries: entries)
    return try CacheTable.decode(file, name: GuardrailStage.memoTable, configuration: configuration).get()
  }

  static func summary(_ output: GuardrailStage.Output) -> String {
    let mapped = output.results.findingsByEntity.keys.sorted().map {
      "\($0.canonical)=\(output.results.findingsByEntity[$0]!.count)"
    }
    return "\(output.resultCount) results; \(mapped); \(output.results.unmapped.count) unmapped; "
      + output.diagnostics.map { "\($0.code.rawValue)" }.joined(separator: ",")
  }

  @Test func theOutputReadsBackAsMadeForTheSameFilesAndCatalog() async throws {
    let stage = try await Self.stage()
    let catalogKey = MemoKey.digest(of: Array("catalog".utf8))
    let cold = await stage.run()
    let (first, entries) = await stage.run(memo: CacheTable(name: GuardrailStage.memoTable), catalogKey: catalogKey)
    // The head (counts, diagnostics, inputs, unmapped findings) and one part of entities' findings.
    #expect(entries.count == 2)
    #expect(first.results == cold.results && first.diagnostics == cold.diagnostics)
    #expect(
      Self.summary(first)
        == "3 results; [\"component:default/svc=1\"]; 2 unmapped; policy.unknown-entity,policy.unmapped")

    // Read back: the same output, and the entry kept as stored.
    let (second, kept) = await stage.run(memo: try Self.table(entries), catalogKey: catalogKey)
    #expect(second.results == cold.results && second.diagnostics == cold.diagnostics)
    #expect(second.resultCount == cold.resultCount && second.files.map(\.path) == cold.files.map(\.path))
    #expect(kept == entries)

    // Another catalog: not used, made again under another key.
    let other = MemoKey.digest(of: Array("other".utf8))
    let (third, remade) = await stage.run(memo: try Self.table(entries), catalogKey: other)
    #expect(third.results == cold.results)
    #expect(Set(remade.keys).isDisjoint(with: entries.keys))
  }

  @Test func aCorruptEntryIsMadeAgain() async throws {
    let stage = try await Self.stage()
    let catalogKey = MemoKey.digest(of: Array("catalog".utf8))
    let (_, entries) = await stage.run(memo: CacheTable(name: GuardrailStage.memoTable), catalogKey: catalogKey)
    let corrupt = entries.mapValues { Array($0.dropLast(3)) }
    let (output, remade) = await stage.run(memo: try Self.table(corrupt), catalogKey: catalogKey)
    #expect(output.results == (await stage.run()).results)
    #expect(remade == entries)
    // Either entry missing: the whole output is made again.
    for missing in entries.keys {
      let partial = entries.filter { $0.key != missing }
      let (again, restored) = await stage.run(memo: try Self.table(partial), catalogKey: catalogKey)
      #expect(again.results == output.results)
      #expect(restored == entries)
    }
  }

  @Test func everyFieldOfAFindingReadsBack() throws {
    var finding = GuardrailFinding(
      tool: "checkov", ruleId: "CKV_K8S_1", ruleName: "No root", result: .fail, severity: .high,
      message: "Runs as root.",
      file: "deploy/app.yaml", line: 12, helpURL: "https://example.com", suppressed: true,
      input: SourceLocation(path: "content/policy-results/k.json", line: 4, column: 2), count: 3,
      entityRef: "component:svc",
      kubernetes: [KubernetesObject(kind: "Deployment", namespace: "prod", name: "svc", kubernetesId: "svc-id")],
      repository: RepositoryIdentity(host: "github.com", owner: "acme", name: "svc"), fileBase: "services/svc")
    finding.mappedBy = .kubernetes
    let bare = GuardrailFinding(
      tool: "opa", ruleId: "deny", result: .pass, severity: .info, message: "",
      input: SourceLocation(path: "p.json", line: 1, column: 1))
    for value in [finding, bare] {
      var writer = CacheRecordWriter()
      writer.add(value)
      var reader = CacheRecordReader(writer.bytes)
      #expect(try reader.value(GuardrailFinding.self) == value)
      #expect(reader.isAtEnd)
    }
  }
}

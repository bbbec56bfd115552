import Foundation
import StructuredData
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport
import YAML

/// The choices `waymark init` makes from a scan: globs and external patterns.
@Suite struct InitProposalTests {
  @Test func aFolderOfOnlyOneKindBecomesOneGlob() {
    let proposer = GlobProposer(files: [
      "README.md", "catalog/a.yaml", "catalog/teams/b.yaml", "catalog/teams/notes.md", "mixed/c.yaml",
      "mixed/tool.yaml", "mixed/deep/d.yaml",
    ])
    let selected: Set = ["catalog/a.yaml", "catalog/teams/b.yaml", "mixed/c.yaml", "mixed/deep/d.yaml"]
    #expect(
      proposer.globs(for: selected, suffix: ".yaml") == ["catalog/**/*.yaml", "mixed/c.yaml", "mixed/deep/**/*.yaml"])
    // Without a suffix every file of the folder must be selected: notes.md is not.
    #expect(
      proposer.globs(for: selected, suffix: nil)
        == ["catalog/a.yaml", "catalog/teams/b.yaml", "mixed/c.yaml", "mixed/deep/**/*"])
    #expect(proposer.globs(for: [], suffix: nil) == [])
  }

  @Test func externalPatternsAreAsBroadAsTheCatalogAllows() {
    let defined: Set = [
      EntityRef(kind: "Group", name: "platform"), EntityRef(kind: "Component", namespace: "shop", name: "cart"),
    ]
    let referenced = [
      EntityRef(kind: "User", name: "alice"), EntityRef(kind: "User", namespace: "ops", name: "bob"),
      EntityRef(kind: "Group", namespace: "data", name: "analytics"), EntityRef(kind: "Group", name: "finance"),
      EntityRef(kind: "Group", name: "platform"), EntityRef(kind: "Component", namespace: "shop", name: "payments"),
    ]
    #expect(
      InitProposal.externalPatterns(referenced, defined: defined) == [
        "component:shop/payments", "group:data/*", "group:default/finance", "user:*",
      ])
  }

  /// The written file reads back, as YAML, to exactly the proposed values (globs starting with `*` are quoted).
  @Test(arguments: ["central-catalog", "template-repo", "org-without-users", "generated-catalog"])
  func theWrittenYAMLReadsBackAsProposed(_ name: String) throws {
    let source = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/init/\(name)")
    var files: [String: String] = [:]
    for (path, data) in SiteFixture.snapshot(of: source) {
      files[path.hasSuffix(".in") ? String(path.dropLast(3)) : path] = String(decoding: data, as: UTF8.self)
    }
    let proposal = InitProposal(scan: RepositoryScanner(root: try SiteFixture.make(files)).scan())
    let stream = YAMLLoader().load(proposal.yaml)
    #expect(stream.problems.isEmpty)
    let root = try #require(stream.documents.first?.root)
    let value = YAMLConverter().convert(root).value
    func strings(_ path: String...) -> [String]? { value.value(at: path)?.arrayValue?.compactMap(\.stringValue) }
    #expect(strings("inputs", "catalog") == proposal.catalogGlobs)
    #expect(strings("inputs", "events") == proposal.eventGlobs)
    #expect(strings("inputs", "policyResults") == proposal.policyResultGlobs)
    #expect((strings("inputs", "exclude") ?? []) == proposal.excludes)
    #expect(strings("catalog", "external") == proposal.external)
    #expect(!proposal.catalogGlobs.isEmpty)
  }
}

import Testing
import WaymarkModel

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
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// What the build cache keys reach (issue 26 item 1): an edit rebuilds what depends on it and
/// nothing else, and the site is always the cold build's.
@Suite struct BuildCacheKeyTests {
  /// Two catalog files, a docs site whose home page includes a snippet, and an event export.
  static func site() throws -> URL {
    try SiteFixture.make([
      "content/catalog/a.yaml": component("svc", description: "Orders", docs: true),
      "content/catalog/b.yaml": component("other", description: "Billing", docs: false)
        + "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n",
      "content/docs/svc/mkdocs.yml": "site_name: Svc\nnav:\n  - Home: index.md\n  - Guide: guide.md\n",
      "content/docs/svc/docs/index.md": "# Svc\n\n--8<-- \"snippets/support.md\"\n\n## Usage\n\nRun it.\n",
      "content/docs/svc/docs/guide.md": "# Guide\n\nSee [usage](index.md#usage).\n",
      "content/docs/svc/snippets/support.md": "Ask in #svc.\n",
      "content/events/events.jsonl": BuildCacheTests.event,
    ])
  }

  static func component(_ name: String, description: String, docs: Bool) -> String {
    """
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: \(name)
      description: \(description)
    \(docs ? "  annotations:\n    backstage.io/techdocs-ref: dir:../docs/svc\n" : "")\
    spec: {type: service, lifecycle: production, owner: team-a}

    """
  }

  /// Builds `root` with the cache twice, editing it with `edit` in between; returns the output
  /// and the inode of each of `paths` before and after the second build.
  static func rebuild(
    _ root: URL, keeping paths: [String], edit: (URL) throws -> Void
  ) async throws -> (output: URL, before: [Int?], after: [Int?]) {
    let parent = try TestPaths.temporaryDirectory("cache-keys")
    let (output, cache) = (parent.appendingPathComponent("site"), parent.appendingPathComponent("cache"))
    #expect(try await BuildCacheTests.build(root, output: output, cache: cache).published)
    func inodes() -> [Int?] {
      paths.map {
        try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent($0).path)[.systemFileNumber]
          as? Int
      }
    }
    let before = inodes()
    try edit(root)
    let second = try await BuildCacheTests.build(root, output: output, cache: cache)
    #expect(second.published && second.warnings.isEmpty)
    #expect(SiteFixture.snapshot(of: output) == (try await BuildCacheTests.coldSite(root)))
    return (output, before, inodes())
  }

  @Test func editingASnippetRebuildsThePageThatIncludesIt() async throws {
    let root = try Self.site()
    let (output, before, after) = try await Self.rebuild(root, keeping: ["docs/default/component/svc/guide/index.html"])
    { root in
      try Data("Ask in #svc-help.\n".utf8).write(
        to: root.appendingPathComponent("content/docs/svc/snippets/support.md"))
    }
    let home = try String(
      contentsOf: output.appendingPathComponent("docs/default/component/svc/index.html"), encoding: .utf8)
    #expect(home.contains("Ask in #svc-help."))
    #expect(after == before)
  }

  @Test func editingADescriptionKeepsOtherEntitiesPagesDocsPagesAndSiteWideFilesInPlace() async throws {
    let root = try Self.site()
    let kept = [
      "catalog/default/component/other/index.html", "docs/default/component/svc/index.html",
      "docs/default/component/svc/guide/index.html", "api/dora.json", "api/entities/default/component/other.json",
      // Site-wide files that show no entity's description.
      "scorecards/index.html", "readiness/index.html", "readiness/readiness.csv", "dora/index.html",
      "api/scorecards.json", "api/readiness.json",
    ]
    let (output, before, after) = try await Self.rebuild(root, keeping: kept) { root in
      try Data(Self.component("svc", description: "Orders and returns", docs: true).utf8).write(
        to: root.appendingPathComponent("content/catalog/a.yaml"))
    }
    let page = try String(
      contentsOf: output.appendingPathComponent("catalog/default/component/svc/index.html"), encoding: .utf8)
    #expect(page.contains("Orders and returns"))
    #expect(after == before && !before.contains(nil))
  }

  @Test func editingAnOwnerScoresAgainTheEntitiesItOwns() async throws {
    let owned = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: owned, title: Owned}
      spec:
        appliesTo: "entity.kind == 'Component'"
        levels: [bronze]
        checks:
          - {id: team, level: bronze, expr: "owner != null && owner.spec.type == 'team'"}

      """
    let root = try ScorecardFixture.site(["policies/owned.yaml": owned])
    let (output, _, _) = try await Self.rebuild(root, keeping: []) { root in
      let catalog = root.appendingPathComponent("content/catalog/org.yaml")
      let text = try String(contentsOf: catalog, encoding: .utf8)
      try Data(
        text.replacingOccurrences(
          of: "metadata: {name: payments}\nspec: {type: team,", with: "metadata: {name: payments}\nspec: {type: squad,"
        ).utf8
      ).write(to: catalog)
    }
    let readiness = try String(contentsOf: output.appendingPathComponent("readiness/readiness.csv"), encoding: .utf8)
    #expect(readiness.contains("component:default/good,owned,none,0.0,team\n"))
  }
}

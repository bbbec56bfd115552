import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite struct CatalogLoaderLocationTests {
  static func group(_ name: String) -> String {
    "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: \(name)}\nspec: {type: team, children: []}\n"
  }

  static func location(_ spec: String) -> String {
    "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: loc}\nspec:\n\(spec)"
  }

  func load(_ files: [String: String], entry: [String]) async throws -> (LoadedCatalog, [String]) {
    let root = try SiteFixture.make(files)
    let available = InputFinder(root: root, excludedFolders: []).allFiles()
    let loaded = await CatalogLoader(root: root).load(paths: entry, available: available)
    let text = DiagnosticList(loaded.diagnostics).items.map { DiagnosticFormat.text.format(DiagnosticList([$0])) }
    return (loaded, text)
  }

  @Test func followsTargetsAndGlobsReadingEachFileOnce() async throws {
    let (loaded, problems) = try await load(
      [
        "catalog/all.yaml": Self.location("  targets: [./teams/*.yaml, ./teams/a.yaml, ../extra/b.yaml]\n"),
        "catalog/teams/a.yaml": Self.group("a"),
        "catalog/teams/c.yaml": Self.group("c"),
        "extra/b.yaml": Self.group("b"),
      ], entry: ["catalog/all.yaml", "catalog/teams/a.yaml"])
    #expect(problems.isEmpty)
    #expect(
      loaded.files.map(\.path) == ["catalog/all.yaml", "catalog/teams/a.yaml", "catalog/teams/c.yaml", "extra/b.yaml"])
    #expect(
      loaded.documents.map(\.path) == [
        "catalog/all.yaml", "catalog/teams/a.yaml", "catalog/teams/c.yaml", "extra/b.yaml",
      ])
  }

  @Test func reportsMissingOptionalURLFolderAndOutsideRootTargets() async throws {
    let (loaded, problems) = try await load(
      [
        "all.yaml": Self.location(
          "  targets:\n    - ./missing.yaml\n    - https://github.com/acme/x/blob/main/catalog-info.yaml\n    - ../outside.yaml\n    - ./sub/\n    - ./none-*.yaml\n"
        ),
        "optional.yaml": Self.location("  presence: optional\n  target: ./maybe.yaml\n"),
      ], entry: ["all.yaml", "optional.yaml"])
    #expect(loaded.files.map(\.path) == ["all.yaml", "optional.yaml"])
    #expect(
      problems == [
        "all.yaml:6:7: error: spec.targets[0] './missing.yaml' names 'missing.yaml', which does not exist; add 'presence: optional' if it may be absent [catalog.location-target-missing]\n  note: in entity 'location:default/loc'\n",
        "all.yaml:7:7: warning: spec.targets[1] 'https://github.com/acme/x/blob/main/catalog-info.yaml' is not in waymark.lock or its cache; run 'waymark fetch' to fetch it [catalog.location-not-fetched]\n  note: in entity 'location:default/loc'\n",
        "all.yaml:8:7: error: spec.targets[2] '../outside.yaml' points outside the site root [catalog.path-outside-root]\n  note: in entity 'location:default/loc'\n",
        "all.yaml:9:7: error: spec.targets[3] './sub/' names a folder; a Location target must be a file or a glob [catalog.location-target-folder]\n  note: in entity 'location:default/loc'\n",
        "all.yaml:10:7: error: spec.targets[4] './none-*.yaml' matches no file [catalog.location-target-missing]\n  note: in entity 'location:default/loc'\n",
      ])
  }

  /// fuzz-catalog's hang: a glob with sixty stars took exponential time against each file name.
  @Test func aTargetWithManyStarsIsMatchedInOnePass() async throws {
    let fixture = TestPaths.repositoryRoot.appendingPathComponent(
      "Tests/WaymarkKitTests/Fixtures/fuzz/location-target-many-stars.yaml")
    let (loaded, problems) = try await load(
      [
        "catalog-info.yaml": try String(contentsOf: fixture, encoding: .utf8),
        "a-rather-long-file-name-that-the-stars-must-not-match-exponentially.md": "# x\n",
      ], entry: ["catalog-info.yaml"])
    #expect(loaded.files.map(\.path) == ["catalog-info.yaml"])
    #expect(
      problems == [
        "catalog-info.yaml:7:7: error: spec.targets[0] './apis/server-api.yaml' names 'apis/server-api.yaml', which does not exist; add 'presence: optional' if it may be absent [catalog.location-target-missing]\n  note: in entity 'location:default/examples'\n",
        "catalog-info.yaml:8:7: error: spec.targets[1] '?***************************************(************************yaml' matches no file [catalog.location-target-missing]\n  note: in entity 'location:default/examples'\n",
      ])
  }

  @Test func cyclesAreErrorsAtTheTargetClosingThem() async throws {
    let (loaded, problems) = try await load(
      [
        "a.yaml": Self.location("  target: ./b.yaml\n"),
        "b.yaml": Self.location("  target: ./c.yaml\n").replacingOccurrences(of: "name: loc", with: "name: loc-b"),
        "c.yaml": Self.location("  target: ./a.yaml\n").replacingOccurrences(of: "name: loc", with: "name: loc-c"),
      ], entry: ["a.yaml"])
    #expect(loaded.files.count == 3)
    #expect(
      problems == [
        "c.yaml:5:11: error: Locations form a cycle: a.yaml → b.yaml → c.yaml → a.yaml [catalog.location-cycle]\n  note: in entity 'location:default/loc-c'\n"
      ])
  }

  @Test func substitutesTextJSONAndYAMLBesideTheEntityFile() async throws {
    let (loaded, problems) = try await load(
      [
        "catalog/api.yaml": """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: petstore
          annotations: {example.com/schema: {$json: ./defs/meta.json}}
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: {$text: ./defs/petstore.yaml}
          extra: {$yaml: ../shared/extra.yaml}
          schema: {$ref: '#/components/x', note: kept}

        """,
        "catalog/defs/petstore.yaml": "openapi: 3.0.0\n",
        "catalog/defs/meta.json": "{\"a\": [1, 2]}",
        "shared/extra.yaml": "b: yes\n",
      ], entry: ["catalog/api.yaml"])
    #expect(problems.isEmpty)
    let document = try #require(loaded.documents.first)
    #expect(document.value.value(at: ["spec", "definition"]) == "openapi: 3.0.0\n")
    #expect(document.value.value(at: ["metadata", "annotations", "example.com/schema"]) == ["a": [1, 2]])
    #expect(document.value.value(at: ["spec", "extra"]) == ["b": "yes"])
    #expect(document.value.value(at: ["spec", "schema"]) == ["$ref": "#/components/x", "note": "kept"])
    #expect(
      loaded.files.map(\.path) == [
        "catalog/api.yaml", "catalog/defs/meta.json", "catalog/defs/petstore.yaml", "shared/extra.yaml",
      ])
  }

  @Test func substitutionProblemsAreLocated() async throws {
    let (_, problems) = try await load(
      [
        "api.yaml": """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: x}
        spec:
          a: {$text: ../../etc/passwd}
          b: {$text: ./missing.txt}
          c: {$json: ./bad.json}
          d: {$yaml: ./two.yaml}
          e: {$text: 'https://example.com/openapi.yaml'}

        """,
        "bad.json": "{\"a\": }",
        "two.yaml": "a: 1\n---\nb: 2\n",
      ], entry: ["api.yaml"])
    #expect(
      problems == [
        "api.yaml:5:6: error: spec.a $text '../../etc/passwd' points outside the site root [catalog.path-outside-root]\n  note: in entity 'api:default/x'\n",
        "api.yaml:6:6: error: spec.b $text './missing.txt' names 'missing.txt', which does not exist [catalog.substitution-missing]\n  note: in entity 'api:default/x'\n",
        "api.yaml:9:6: warning: spec.e $text 'https://example.com/openapi.yaml' is not in waymark.lock or its cache; run 'waymark fetch' to fetch it; the placeholder is kept as written [catalog.substitution-not-fetched]\n  note: in entity 'api:default/x'\n",
        "bad.json:1:7: error: $json file is not valid JSON: unexpected '}'; expected a value [catalog.substitution-invalid]\n  api.yaml:7:6: note: substituted for spec.c here\n  note: in entity 'api:default/x'\n",
        "two.yaml:1:1: error: $yaml file must hold exactly one YAML document, found 2 [catalog.substitution-invalid]\n  api.yaml:8:6: note: substituted for spec.d here\n  note: in entity 'api:default/x'\n",
      ])
  }
}

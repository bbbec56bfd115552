import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite struct CatalogBuilderTests {
  func build(_ files: [String: String]) async throws -> (Catalog, [String]) {
    let root = try SiteFixture.make(files)
    let loaded = await CatalogLoader(root: root).load(paths: files.keys.sorted())
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    return (
      catalog,
      DiagnosticList(loaded.diagnostics + diagnostics).items.map { DiagnosticFormat.text.format(DiagnosticList([$0])) }
    )
  }

  @Test func derivesBothDirectionsOfEveryRelationSorted() async throws {
    let (catalog, problems) = try await build(["c.yaml": SiteFixture.minimalCatalog])
    #expect(problems.isEmpty)
    let group = try #require(catalog[EntityRef(kind: "Group", name: "team-a")])
    let component = try #require(catalog[EntityRef(kind: "Component", name: "svc")])
    #expect(group.relations == [Relation(type: "ownerOf", target: component.ref)])
    #expect(component.relations == [Relation(type: "ownedBy", target: group.ref)])
    #expect(catalog.entities.map(\.ref.canonical) == ["component:default/svc", "group:default/team-a"])
  }

  @Test func danglingReferencesAreErrorsAtTheFieldWithASuggestion() async throws {
    let (_, problems) = try await build([
      "content/catalog/payments.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: payments}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments-api
      spec:
        type: service
        lifecycle: production
        owner: paymnets
        dependsOn: [resource:db, db]

      """
    ])
    #expect(
      problems == [
        "content/catalog/payments.yaml:13:10: error: spec.owner 'group:default/paymnets' does not exist; did you mean 'group:default/payments'? [catalog.dangling-ref]\n  note: in entity 'component:default/payments-api'\n",
        "content/catalog/payments.yaml:14:15: error: spec.dependsOn[0] 'resource:default/db' does not exist [catalog.dangling-ref]\n  note: in entity 'component:default/payments-api'\n",
        "content/catalog/payments.yaml:14:28: error: spec.dependsOn[1] 'db' is not a valid entity reference; the kind must be written, e.g. 'resource:db' [catalog.bad-ref]\n  note: in entity 'component:default/payments-api'\n",
      ])
  }

  @Test func duplicateEntitiesNameBothFiles() async throws {
    let entity =
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: Team-A\nspec: {type: team, children: []}\n"
    let (catalog, problems) = try await build([
      "a.yaml": entity, "b.yaml": entity.replacingOccurrences(of: "Team-A", with: "team-a"),
    ])
    #expect(catalog.entities.count == 1)
    #expect(
      problems == [
        "b.yaml:4:9: error: entity 'group:default/team-a' is defined more than once; first in a.yaml [catalog.duplicate-entity]\n  a.yaml:4:9: note: first defined here\n"
      ])
  }

  @Test func brokenEnvelopesAndNonEntitiesAreReported() async throws {
    let (catalog, problems) = try await build([
      "x.yaml":
        "kind: Component\nmetadata:\n  name: 42\n---\nfoo: bar\n---\n- a\n---\napiVersion: v1\nkind: Thing\nmetadata: []\n"
    ])
    #expect(catalog.entities.isEmpty)
    #expect(
      problems == [
        "x.yaml:1:1: error: apiVersion must have a value [catalog.missing-field]\n  note: in document 1 of x.yaml\n",
        "x.yaml:3:9: error: metadata.name must be a non-empty string, found integer 42 [catalog.wrong-type]\n  note: in document 1 of x.yaml\n",
        "x.yaml:5:1: warning: document has neither 'apiVersion' nor 'kind' and is not a catalog entity; it is ignored [catalog.not-an-entity]\n",
        "x.yaml:7:1: error: the document must be an object (a mapping), found array [catalog.not-an-object]\n",
        "x.yaml:11:11: error: metadata must be an object, found array [catalog.wrong-type]\n  note: in document 4 of x.yaml\n",
      ])
  }
}

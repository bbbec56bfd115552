import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// The demo company, Acme Logistics, as the catalog stage sees it.
@Suite struct DemoCatalogTests {
  func catalog() async throws -> (Catalog, LoadedCatalog) {
    let root = TestPaths.repositoryRoot
    // The demo's waymark.yaml keeps the test fixtures (sites of their own) out of its inputs.
    let inputs = SiteInputsLoader(root: root).load()
    let loaded = await CatalogLoader(root: root).load(
      paths: inputs.files(matching: inputs.config.catalogGlobs), available: inputs.files)
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    #expect(DiagnosticFormat.text.format(DiagnosticList(loaded.diagnostics + diagnostics)) == "")
    return (catalog, loaded)
  }

  @Test func hasEveryKindInRealisticNumbers() async throws {
    let (catalog, loaded) = try await catalog()
    // 42 components: 41 of Acme's and Waymark itself, whose TechDocs are this repository's manual.
    #expect(
      catalog.countsByKind == [
        "api": 11, "component": 42, "domain": 5, "group": 17, "location": 3, "resource": 15, "system": 13,
        "template": 4,
        "user": 23,
      ])
    // Templates are reached only through the golden-paths Location; definitions through $text.
    #expect(loaded.files.contains { $0.path == "content/templates/go-service/template.yaml" })
    #expect(loaded.files.contains { $0.path == "content/catalog/definitions/routing.proto" })
    let lifecycles = Set(catalog.entities.compactMap { $0.ref.kind == "Component" ? $0.lifecycle : nil })
    #expect(lifecycles == ["production", "experimental", "deprecated"])
  }

  @Test func membershipFollowsTheGroupTree() async throws {
    let (catalog, _) = try await catalog()
    let amara = EntityRef(kind: "User", name: "amara.okafor")
    #expect(catalog.groups(containing: amara).map(\.name) == ["acme", "commerce-area", "engineering", "payments"])
    #expect(catalog.isMember(amara, ofGroupOrDescendants: EntityRef(kind: "Group", name: "engineering")))
    #expect(!catalog.isMember(amara, ofGroupOrDescendants: EntityRef(kind: "Group", name: "platform")))
  }
}

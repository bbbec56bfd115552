import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

@Suite struct GraphSVGRendererTests {
  func catalog() async throws -> Catalog {
    let root = try SiteFixture.make([
      "c.yaml": """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: System
      metadata: {name: shop}
      spec: {owner: team}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: web, title: "Web <shop>"}
      spec: {type: website, lifecycle: production, owner: team, system: shop, consumesApis: [orders-api]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: orders}
      spec: {type: service, lifecycle: production, owner: team, system: shop, providesApis: [orders-api], dependsOn: [resource:db]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata: {name: orders-api}
      spec: {type: openapi, lifecycle: production, owner: team, system: shop, definition: "openapi: 3.0.0"}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Resource
      metadata: {name: db}
      spec: {type: database, owner: team, system: shop}

      """
    ])
    let loaded = await CatalogLoader(root: root).load(paths: ["c.yaml"])
    return CatalogBuilder().build(loaded.documents).0
  }

  @Test func neighbourhoodPutsDependentsLeftAndDependenciesRight() async throws {
    let graph = EntityGraph.neighbourhood(of: EntityRef(kind: "API", name: "orders-api"), in: try await catalog())
    #expect(
      graph.nodes.map { "\($0.layer) \($0.ref)" } == [
        "-1 component:default/web", "0 api:default/orders-api", "1 component:default/orders", "2 resource:default/db",
      ])
    #expect(
      graph.edges.map { "\($0.from) -> \($0.to)" } == [
        "api:default/orders-api -> component:default/orders", "component:default/orders -> resource:default/db",
        "component:default/web -> api:default/orders-api",
      ])
    let svg = GraphSVGRenderer().svg(graph, link: { "../" + $0.name + "/" }, label: "Dependencies")
    assertGolden(svg, named: "graph.svg")
    #expect(svg.contains("Web &lt;shop&gt;"))
  }

  @Test func systemMapShowsItsPartsByKind() async throws {
    let graph = EntityGraph.map(of: EntityRef(kind: "System", name: "shop"), in: try await catalog())
    #expect(graph.nodes.map { "\($0.layer) \($0.ref.name)" } == ["1 orders-api", "2 orders", "2 web", "3 db"])
  }
}

import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

@Suite struct EntityKindValidationTests {
  func build(_ yaml: String) async throws -> (Catalog, [String]) {
    let root = try SiteFixture.make(["c.yaml": yaml])
    let loaded = await CatalogLoader(root: root).load(paths: ["c.yaml"])
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    return (
      catalog,
      DiagnosticList(loaded.diagnostics + diagnostics).items.map {
        "\($0.location?.description ?? ""): \($0.message) [\($0.code)]"
      }
    )
  }

  static let team =
    "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n"

  @Test func mcpServerAPIsNeedRemotesInsteadOfADefinition() async throws {
    let (catalog, problems) = try await build(
      Self.team + """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: tools}
        spec: {type: mcp-server, lifecycle: experimental, owner: team-a, remotes: [{type: streamable-http, url: 'http://x/mcp'}]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: broken}
        spec: {type: mcp-server, lifecycle: experimental, owner: team-a, remotes: []}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: rest}
        spec: {type: openapi, lifecycle: production, owner: team-a}

        """)
    #expect(catalog.entities.count == 4)
    #expect(
      problems == [
        "c.yaml:14:75: spec.remotes must have at least 1 item [catalog.invalid-value]",
        "c.yaml:19:7: spec.definition must have a value [catalog.missing-field]",
      ])
  }

  @Test func templatesAndAIResourcesAreBuiltinKindsWithRelations() async throws {
    let (catalog, problems) = try await build(
      Self.team + """
        ---
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: go-service}
        spec:
          owner: team-a
          type: service
          parameters: [{title: Name, properties: {name: {type: string}}}]
          steps: [{id: fetch, action: fetch:template, if: true}, {id: bad}]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: AiResource
        metadata: {name: use-apis}
        spec: {type: rule, lifecycle: production, owner: team-a}

        """)
    #expect(
      problems == [
        "c.yaml:13:58: spec.steps[1].action must have a value [catalog.missing-field]",
        "c.yaml:18:7: spec.category must have a value [catalog.missing-field]",
        "c.yaml:18:7: spec.rationale must have a value [catalog.missing-field]",
      ])
    let group = try #require(catalog[EntityRef(kind: "Group", name: "team-a")])
    #expect(
      group.relations.map { "\($0.type) \($0.target)" } == [
        "ownerOf airesource:default/use-apis", "ownerOf template:default/go-service",
      ])
  }

  @Test func unknownBackstageKindsAreErrorsAndCustomKindsAreKept() async throws {
    let (catalog, problems) = try await build(
      Self.team + """
        ---
        apiVersion: backstage.io/v1alpha1
        kind: component
        metadata: {name: a}
        spec: {type: service, lifecycle: production, owner: team-a}
        ---
        apiVersion: backstage.io/v1beta0
        kind: System
        metadata: {name: b}
        spec: {owner: team-a}
        ---
        apiVersion: acme.example/v1
        kind: Environment
        metadata: {name: production}
        spec: {anything: [1, 2], owner: 42}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: db}
        spec: {type: database, owner: team-a, dependsOn: ['environment:production']}

        """)
    #expect(
      problems == [
        "c.yaml:7:7: kind 'component' is not a Backstage kind; did you mean 'Component'? (kinds are case-sensitive) [catalog.unknown-kind]",
        "c.yaml:11:13: apiVersion 'backstage.io/v1beta0' is not a version of kind 'System'; use 'backstage.io/v1alpha1' or 'backstage.io/v1beta1' [catalog.unknown-kind]",
      ])
    #expect(
      catalog.entities.map(\.ref.canonical) == [
        "environment:default/production", "group:default/team-a", "resource:default/db",
      ])
    #expect(
      catalog[EntityRef(kind: "Environment", name: "production")]?.relations == [
        Relation(type: "dependencyOf", target: EntityRef(kind: "Resource", name: "db"))
      ])
  }

  @Test func groupCyclesAreErrorsAndMembershipIsTransitive() async throws {
    let (catalog, problems) = try await build(
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: org}
      spec: {type: organization, children: [area]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: area}
      spec: {type: product-area, parent: org, children: [team]}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: team}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: loop-a}
      spec: {type: team, parent: loop-b, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: loop-b}
      spec: {type: team, parent: loop-a, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: jo}
      spec: {memberOf: [team, loop-a]}

      """)
    #expect(
      problems == [
        "c.yaml:19:28: the group hierarchy has a cycle: group:default/loop-a → group:default/loop-b → group:default/loop-a [catalog.group-cycle]"
      ])
    let jo = EntityRef(kind: "User", name: "jo")
    #expect(catalog.groups(containing: jo).map(\.name) == ["area", "loop-a", "loop-b", "org", "team"])
    #expect(catalog.isMember(jo, ofGroupOrDescendants: EntityRef(kind: "Group", name: "org")))
    #expect(
      !catalog.isMember(
        EntityRef(kind: "User", name: "nobody"), ofGroupOrDescendants: EntityRef(kind: "Group", name: "org")))
    #expect(
      catalog.groupHierarchy.ancestors(of: EntityRef(kind: "Group", name: "team")).map(\.name) == [
        "area", "org", "team",
      ])
  }
}

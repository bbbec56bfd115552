import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// References to entities provided outside the repository (`catalog.external`) beyond the
/// catalog's own fields: one resolution for every check, and group membership through them.
@Suite struct ExternalRefTests {
  static let settings = CatalogSettings(
    external: ["user:*", "group:corp/*"].compactMap(ExternalRefPattern.init), danglingRefs: .error)

  func build(_ text: String) async throws -> (Catalog, String) {
    let root = try SiteFixture.make(["org.yaml": text])
    let loaded = await CatalogLoader(root: root).load(paths: ["org.yaml"])
    let (catalog, diagnostics) = CatalogBuilder(settings: Self.settings).build(loaded.documents)
    return (catalog, DiagnosticFormat.text.format(DiagnosticList(loaded.diagnostics + diagnostics)))
  }

  static let org = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: engineering}
    spec: {type: department, children: [platform, group:corp/sre]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: platform}
    spec: {type: team, parent: engineering, children: [], members: [jdoe]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: release-bot}
    spec: {memberOf: [group:corp/release-managers]}

    """

  @Test func aReferenceResolvesToAnEntityAnExternalPatternOrNothing() async throws {
    let (catalog, problems) = try await build(Self.org)
    #expect(problems == "")
    let settings = Self.settings
    #expect(settings.resolve(EntityRef(kind: "Group", name: "platform"), in: catalog) == .entity)
    #expect(settings.resolve(EntityRef(kind: "User", name: "release-bot"), in: catalog) == .entity)
    let jdoe = try #require(EntityRef(parsing: "jdoe", defaultKind: "User"))
    #expect(settings.resolve(jdoe, in: catalog) == .external(settings.external[0]))
    let sre = try #require(EntityRef(parsing: "group:corp/sre", defaultKind: nil))
    #expect(settings.resolve(sre, in: catalog) == .external(settings.external[1]))
    let ghost = try #require(EntityRef(parsing: "group:ghosts", defaultKind: nil))
    #expect(settings.resolve(ghost, in: catalog) == .missing)
  }

  @Test func externalMembersSubGroupsAndGroupsCountInTheHierarchy() async throws {
    let (catalog, _) = try await build(Self.org)
    let jdoe = try #require(EntityRef(parsing: "user:jdoe", defaultKind: nil))
    #expect(
      catalog.groups(containing: jdoe).map(\.canonical) == ["group:default/engineering", "group:default/platform"])
    #expect(catalog.isMember(jdoe, ofGroupOrDescendants: EntityRef(kind: "Group", name: "engineering")))
    let sre = try #require(EntityRef(parsing: "group:corp/sre", defaultKind: nil))
    #expect(
      catalog.groupHierarchy.ancestors(of: sre).map(\.canonical) == ["group:corp/sre", "group:default/engineering"])
    let bot = EntityRef(kind: "User", name: "release-bot")
    #expect(catalog.groups(containing: bot).map(\.canonical) == ["group:corp/release-managers"])
  }

  /// The cycle starts at its smallest reference, `group:corp/x`, which has no file: it is reported
  /// from the next group in the cycle that is written here.
  @Test func aCycleThroughAnExternalGroupIsReportedAtAGroupWrittenHere() async throws {
    let (_, problems) = try await build(
      """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: a}
      spec: {type: team, parent: group:corp/x, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: b}
      spec: {type: team, parent: a, children: [group:corp/x]}

      """)
    #expect(
      problems == """
        org.yaml:9:28: error: the group hierarchy has a cycle: group:default/b → group:default/a → group:corp/x → \
        group:default/b [catalog.group-cycle]
          note: in entity 'group:default/b'

        """)
  }
}

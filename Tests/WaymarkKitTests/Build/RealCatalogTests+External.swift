import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Entities provided outside the repository beyond the catalog's own fields (issue 21): waivers
/// approved by Users from an org provider, relations in the entity JSON, group and user pages.
extension RealCatalogTests {
  /// Each waiver the build compiled as `name: status`, sorted.
  func waiverStatuses(_ result: BuildResult) -> [String] {
    result.scorecards.waivers.map { "\($0.waiver.name): \($0.status.rawValue)" }.sorted()
  }

  static let orgWarning = """
    components/services.yaml:38:10: warning: spec.owner 'group:default/platfrom' does not exist; did you mean \
    'group:default/platform'? [catalog.dangling-ref]
      note: in entity 'component:default/legacy-billing'

    """

  @Test func aWaiverApprovedByAnExternalMemberOfAnApproverGroupApplies() async throws {
    let output = try TestPaths.temporaryDirectory("real-org-waivers-out")
    let result = try await build(Self.fixtures.appendingPathComponent("org-provider"), output: output)
    #expect(
      text(result) == Self.orgWarning + """
        policies/waivers.yaml:15:1: note: waiver 'portal-threat-model' is approved by 'user:default/asmith', \
        provided outside the repository like approver group group:github/security; membership is not known here, \
        so the approval is accepted as written [policy.unverified-approver]

        """)
    #expect(waiverStatuses(result) == ["payments-runbook: active", "portal-threat-model: active"])
  }

  @Test func anExternalApproverOutsideTheApproverGroupsWrittenHereIsUnauthorized() async throws {
    let root = try copy(
      "org-provider",
      adding: [
        "policies/waivers.yaml": """
        apiVersion: waymark.dev/v1alpha1
        kind: Waiver
        metadata:
          name: payments-runbook
        spec:
          scorecard: readiness
          check: has-runbook
          entities: [component:default/payments-api, component:default/old-billing]
          reason: The runbook moves from Confluence to TechDocs this quarter.
          expires: 2027-03-31
          approvedBy: user:bwayne
        ---
        apiVersion: waymark.dev/v1alpha1
        kind: Waiver
        metadata:
          name: legacy-runbook
        spec:
          scorecard: readiness
          check: has-runbook
          entities: [component:default/legacy-billing]
          reason: Being retired.
          expires: 2027-03-31
          approvedBy: user:ldap/jdoe

        """
      ])
    let output = try TestPaths.temporaryDirectory("real-org-unauthorized-out")
    let result = try await build(root, output: output)
    #expect(
      text(result) == Self.orgWarning + """
        policies/waivers.yaml:1:1: warning: waiver 'payments-runbook' names 'component:default/old-billing', which \
        does not exist in the catalog [policy.dangling-ref]
        policies/waivers.yaml:1:1: error: waiver 'payments-runbook' is approved by 'user:default/bwayne', who is \
        not a member of an approver group of 'readiness' (group:default/platform) [policy.unauthorized-waiver]
        policies/waivers.yaml:13:1: error: waiver 'legacy-runbook' is approved by 'user:ldap/jdoe', who does not \
        exist [policy.dangling-ref]

        """)
    #expect(waiverStatuses(result) == ["legacy-runbook: invalid", "payments-runbook: unauthorized"])
  }

  @Test func withoutExternalPatternsScorecardAndWaiverRefsDangleAsErrors() async throws {
    let root = try copy("org-provider", adding: ["waymark.yaml": "site:\n  title: Acme Portal\n"])
    let result = try await build(root)
    let policy = result.diagnostics.items.filter { $0.code == .policyDanglingRef }.map { diagnostic in
      "\(diagnostic.severity.rawValue): \(diagnostic.message)"
    }
    #expect(
      policy == [
        "error: scorecard 'security-review' names 'group:github/security', which does not exist in the catalog",
        "error: waiver 'payments-runbook' is approved by 'user:default/jdoe', who does not exist",
        "error: waiver 'portal-threat-model' is approved by 'user:default/asmith', who does not exist",
      ])
  }

  @Test func theEntityJSONListsExternalRelationsMarkedExternal() async throws {
    let output = try TestPaths.temporaryDirectory("real-org-json-out")
    _ = try await build(Self.fixtures.appendingPathComponent("org-provider"), output: output)
    assertGolden(try page("api/entities/default/group/platform.json", in: output), named: "real-org-platform.json")
    assertGolden(
      try page("api/entities/default/group/engineering.json", in: output), named: "real-org-engineering.json")
    let catalog = try JSONReader().parse([UInt8](Data(contentsOf: output.appendingPathComponent("api/catalog.json"))))
    let bot = catalog["entities"]?.arrayValue?.first { $0["metadata"]?["name"]?.stringValue == "release-bot" }
    #expect(
      JSONWriter(pretty: false).string(for: bot?["relations"] ?? .null)
        == #"[{"targetRef":"group:default/platform","type":"memberOf"},"#
        + #"{"external":true,"targetRef":"group:github/release-managers","type":"memberOf"}]"#)
  }

  @Test func groupAndUserPagesListExternalMembersGroupsAndSubGroupsAsText() async throws {
    let output = try TestPaths.temporaryDirectory("real-org-pages-out")
    _ = try await build(Self.fixtures.appendingPathComponent("org-provider"), output: output)
    let root = "../../../../catalog/default/"
    func link(_ kind: String, _ name: String) -> String {
      #"<a href="\#(root)\#(kind)/\#(name)/" title="\#(kind):default/\#(name)">\#(name)</a>"#
    }
    func text(_ ref: String, _ name: String) -> String {
      #"<span title="\#(ref) (provided outside this repository)">\#(name)</span>"#
    }
    let platform = try page("catalog/default/group/platform/index.html", in: output)
    #expect(
      platform.contains(
        #"<h2 id="members-heading">Members</h2><ul class="columns"><li>"# + link("user", "release-bot") + "</li><li>"
          + text("user:default/asmith", "asmith") + "</li><li>" + text("user:default/jdoe", "jdoe") + "</li></ul>"))
    let engineering = try page("catalog/default/group/engineering/index.html", in: output)
    #expect(
      engineering.contains(
        #"<h2 id="teams-heading">Sub-teams</h2><ul><li>"# + link("group", "payments") + "</li><li>"
          + link("group", "platform") + "</li><li>" + text("group:github/sre", "sre") + "</li></ul>"))
    let bot = try page("catalog/default/user/release-bot/index.html", in: output)
    #expect(
      bot.contains(
        "<dt>Groups</dt><dd>" + link("group", "engineering") + " " + link("group", "platform") + " "
          + text("group:github/release-managers", "release-managers") + " </dd>"))
    // Written `group:github/…`, the kind still shows as Backstage spells it.
    let managers = text("group:github/release-managers", "release-managers")
    #expect(bot.contains(managers + #" <span class="muted">Group</span>"#))
  }

  @Test func aLocationNamingAnExcludedFileReadsItWithOneNote() async throws {
    let root = try copy(
      "org-provider",
      adding: ["waymark.yaml": "catalog:\n  external: [user:*, group:github/*]\ninputs:\n  exclude: [org/**]\n"])
    let result = try await build(root)
    #expect(
      text(result).hasPrefix(
        """
        catalog-info.yaml:8:7: note: a Location names 'org/groups.yaml', which inputs.exclude 'org/**' leaves out; \
        it is read, as a Location's target always is [catalog.excluded-location-target]
          note: in entity 'location:default/acme-org'
        catalog-info.yaml:9:7: note: a Location names 'org/users.yaml', which inputs.exclude 'org/**' leaves out; \
        it is read, as a Location's target always is [catalog.excluded-location-target]
          note: in entity 'location:default/acme-org'

        """))
    #expect(result.diagnostics.items.filter { $0.code == .catalogExcludedLocationTarget }.count == 2)
    let dangling: [String] = result.diagnostics.items.filter { $0.code == .catalogDanglingRef }.map { $0.message }
    #expect(dangling == ["spec.owner 'group:default/platfrom' does not exist; did you mean 'group:default/platform'?"])
  }

  @Test func templateContentReadBringsBackAComponentATemplateCopies() async throws {
    let config = """
      inputs:
        catalog: ["catalog-info.yaml", "scaffolder-templates/*/template.yaml", "**/catalog-info.yaml"]
        templateContent: MODE
      catalog:
        external: ["group:infinite-bucks", "*@*", "user:guest"]

      """
    let excludeConfig = config.replacingOccurrences(of: "MODE", with: "exclude")
    let excluded = try await build(try copy("software-templates", adding: ["waymark.yaml": excludeConfig]))
    #expect(text(excluded) == "")
    #expect(!excluded.diagnostics.items.contains { $0.location?.path.contains("reference-service") == true })
    let output = try TestPaths.temporaryDirectory("real-templates-read-out")
    let read = try await build(
      try copy("software-templates", adding: ["waymark.yaml": config.replacingOccurrences(of: "MODE", with: "read")]),
      output: output)
    assertGolden(text(read), named: "real-software-templates-read.txt")
    #expect(
      try external(in: output)
        == #"[{"ref":"group:default/infinite-bucks","referredBy":["component:default/go-reference-service","#
        + #""component:default/software-templates","template:default/go-reference-service"]},"#
        + #"{"ref":"group:default/web@example.com","referredBy":["template:default/react-ssr-template"]},"#
        + #"{"ref":"user:default/guest","referredBy":["template:default/docs-template"]}]"#)
  }

  @Test func templateContentTakesExcludeOrRead() async throws {
    let root = try copy("software-templates", adding: ["waymark.yaml": "inputs:\n  templateContent: skip\n"])
    let result = try await build(root)
    let problems: [String] = result.diagnostics.items.filter { $0.code == .configBadValue }.map { diagnostic in
      "\(diagnostic.location?.line ?? 0): \(diagnostic.message)"
    }
    #expect(problems == ["2: inputs.templateContent must be 'exclude' or 'read', not 'skip'"])
  }
}

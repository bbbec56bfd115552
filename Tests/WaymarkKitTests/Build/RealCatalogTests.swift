import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Day one on a real catalog (issue 21): repositories shaped like public Backstage catalogs
/// (`Tests/Fixtures/real-catalogs`), which Backstage serves but a strict offline check used to
/// reject: template skeletons, Users from an org provider, targets outside the globs, no match.
@Suite struct RealCatalogTests {
  static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/real-catalogs")
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  func build(_ root: URL, output: URL? = nil) async throws -> BuildResult {
    try await SiteBuilder().build(
      BuildOptions(root: root, output: output, asOf: Self.asOf, writesOutput: output != nil))
  }

  func text(_ result: BuildResult) -> String { DiagnosticFormat.text.format(result.diagnostics) }

  /// A copy of fixture `name` in a fresh folder, with `extra` files written over it.
  func copy(_ name: String, adding extra: [String: String] = [:]) throws -> URL {
    let root = try TestPaths.temporaryDirectory("real-\(name)")
    try FileManager.default.removeItem(at: root)
    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: root)
    for (path, contents) in extra {
      try Data(contents.utf8).write(to: root.appendingPathComponent(path))
    }
    return root
  }

  /// `api/catalog.json`'s `external`, compact.
  func external(in output: URL) throws -> String {
    let data = try Data(contentsOf: output.appendingPathComponent("api/catalog.json"))
    let catalog = try JSONReader().parse([UInt8](data))
    return JSONWriter(pretty: false).string(for: catalog["external"] ?? .null)
  }

  func page(_ path: String, in output: URL) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func aTemplateRepositoryWithTheDefaultsReportsEachSkeletonOnceInsteadOfSyntaxErrors() async throws {
    let result = try await build(Self.fixtures.appendingPathComponent("software-templates"))
    assertGolden(text(result), named: "real-software-templates-defaults.txt")
  }

  @Test func readingTheTemplatesLeavesTheirSkeletonsOutAndExternalOwnersBecomeText() async throws {
    let root = try copy(
      "software-templates",
      adding: [
        "waymark.yaml": """
        inputs:
          catalog: ["catalog-info.yaml", "scaffolder-templates/*/template.yaml", "**/catalog-info.yaml"]
        catalog:
          external: ["group:infinite-bucks", "*@*", "user:guest"]

        """
      ])
    let output = try TestPaths.temporaryDirectory("real-templates-out")
    let result = try await build(root, output: output)
    #expect(text(result) == "")
    #expect(result.published)
    #expect(
      try external(in: output)
        == #"[{"ref":"group:default/infinite-bucks","referredBy":["component:default/software-templates","#
        + #""template:default/go-reference-service"]},"#
        + #"{"ref":"group:default/web@example.com","referredBy":["template:default/react-ssr-template"]},"#
        + #"{"ref":"user:default/guest","referredBy":["template:default/docs-template"]}]"#)
    let build = try page("api/build.json", in: output)
    #expect(!build.contains("skeleton/"))
    #expect(build.contains(#""path": "scaffolder-templates/react-ssr-template/template.yaml""#))
    let template = try page("catalog/default/template/react-ssr-template/index.html", in: output)
    #expect(
      template.contains(
        #"<dt>Owner</dt><dd><span title="group:default/web@example.com (provided outside this repository)">"#
          + "web@example.com</span></dd>"))
    #expect(!template.contains("href=\"../../group/web@example.com"))
  }

  @Test func usersFromAnOrgProviderAreExternalAndOtherDanglingRefsAreWarnings() async throws {
    let output = try TestPaths.temporaryDirectory("real-org-out")
    let result = try await build(Self.fixtures.appendingPathComponent("org-provider"), output: output)
    #expect(
      text(result) == """
        components/services.yaml:38:10: warning: spec.owner 'group:default/platfrom' does not exist; did you mean \
        'group:default/platform'? [catalog.dangling-ref]
          note: in entity 'component:default/legacy-billing'
        policies/waivers.yaml:15:1: note: waiver 'portal-threat-model' is approved by 'user:default/asmith', \
        provided outside the repository like approver group group:github/security; membership is not known here, \
        so the approval is accepted as written [policy.unverified-approver]

        """)
    #expect(result.published)
    #expect(
      try external(in: output)
        == #"[{"ref":"group:github/release-managers","referredBy":["user:default/release-bot"]},"#
        + #"{"ref":"group:github/sre","referredBy":["group:default/engineering"]},"#
        + #"{"ref":"user:default/asmith","referredBy":["group:default/platform"]},"#
        + #"{"ref":"user:default/bwayne","referredBy":["group:default/payments"]},"#
        + #"{"ref":"user:default/guest","referredBy":["component:default/backstage"]},"#
        + #"{"ref":"user:default/jdoe","referredBy":["group:default/platform"]}]"#)
    let portal = try page("catalog/default/component/backstage/index.html", in: output)
    #expect(
      portal.contains(
        #"<dd><span title="user:default/guest (provided outside this repository)">guest</span></dd>"#))
    let explorer = try page("catalog/index.html", in: output)
    #expect(
      explorer.contains(
        #"<td><span title="user:default/guest (provided outside this repository)">guest</span></td>"#))
    let platform = try page("catalog/default/group/platform/index.html", in: output)
    #expect(platform.contains(#"<span title="user:default/jdoe (provided outside this repository)">jdoe</span>"#))
  }

  @Test func aTargetDefinedOutsideTheGlobsGetsANoteNamingItsFileAndAGlob() async throws {
    let result = try await build(Self.fixtures.appendingPathComponent("outside-globs"))
    assertGolden(text(result), named: "real-outside-globs.txt")
  }

  @Test func noCatalogFileIsAnErrorNamingTheGlobsAndFilesThatLookLikeEntities() async throws {
    let result = try await build(Self.fixtures.appendingPathComponent("no-match"))
    #expect(
      text(result) == """
        waymark.yaml:2:12: error: no catalog file matches 'catalog/**/*.yaml'; these files look like entities: \
        'services/ledger/catalog-info.yml', 'services/payments/catalog-info.yml' [catalog.no-input]

        """)
  }

  @Test func anEmptySiteSaysNoFileHoldsAnEntity() async throws {
    let root = try SiteFixture.make(["README.md": "# Nothing here\n", "mkdocs.yml": "site_name: x\n"])
    let result = try await build(root)
    #expect(
      text(result) == """
        error: no catalog file matches 'content/catalog/**/*.yaml', '**/catalog-info.yaml'; no YAML file in the \
        site holds an entity (apiVersion: backstage.io/…) [catalog.no-input]

        """)
  }

  @Test func aRootThatDoesNotExistIsAUsageError() async throws {
    let missing = try TestPaths.temporaryDirectory("gone").appendingPathComponent("nowhere")
    do {
      _ = try await build(missing)
      Issue.record("a missing root built")
    } catch let failure as BuildFailure {
      #expect(failure.isUsage)
      #expect(failure.description == "the site root \(missing.standardizedFileURL.path) is not a folder that exists")
    }
  }
}

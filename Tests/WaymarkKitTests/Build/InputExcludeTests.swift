import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// `inputs.exclude` and `diagnostics.ignore` through a whole build.
@Suite struct InputExcludeTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  func build(_ root: URL, output: URL? = nil) async throws -> BuildResult {
    try await SiteBuilder().build(
      BuildOptions(root: root, output: output, asOf: Self.asOf, writesOutput: output != nil))
  }

  static let brokenInputs = [
    "content/catalog/a.yaml": SiteFixture.minimalCatalog,
    "legacy/catalog-info.yaml": "apiVersion: [backstage.io/v1alpha1\nkind: Component\n",
    "content/events/old/export.json": "{\"events\": [\n",
    "content/policy-results/old/scan.sarif": "{\"version\": \"2.1.0\", \"runs\": [\n",
  ]

  @Test func excludedFilesAreReadByNoInputOfAnyKind() async throws {
    let control = try await build(try SiteFixture.make(Self.brokenInputs))
    let paths = Set(
      control.diagnostics.items.compactMap { $0.location?.path.split(separator: "/").prefix(3).joined(separator: "/") })
    #expect(paths == ["content/events/old", "content/policy-results/old", "legacy/catalog-info.yaml"])
    var files = Self.brokenInputs
    files["waymark.yaml"] = """
      inputs:
        exclude: ["legacy/**", "content/events/old/**", "content/policy-results/old/*.sarif"]

      """
    let result = try await build(try SiteFixture.make(files))
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
  }

  static let danglingOwner = SiteFixture.minimalCatalog.replacingOccurrences(of: "owner: team-a", with: "owner: team-b")
  static let notEntities = (1...12).map { "name: thing-\($0)\nowner: team-a\n" }.joined(separator: "---\n")

  @Test func ignoredWarningsAreSilencedAndCountedButErrorsStay() async throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": Self.danglingOwner,
      "content/catalog/notes.yaml": Self.notEntities,
      "waymark.yaml": "diagnostics:\n  ignore: [catalog.not-an-entity, catalog.dangling-ref]\n",
    ])
    let result = try await build(root)
    #expect(result.silenced == 12)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics) == """
        content/catalog/a.yaml:17:10: error: spec.owner 'group:default/team-b' does not exist; did you mean \
        'group:default/team-a'? [catalog.dangling-ref]
          note: in entity 'component:default/svc'

        """)
  }

  @Test func buildJSONCountsTheSilencedAndListsEveryDiagnostic() async throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": Self.danglingOwner,
      "content/catalog/notes.yaml": Self.notEntities,
      "waymark.yaml": "catalog:\n  danglingRefs: warning\ndiagnostics:\n  ignore: [catalog.not-an-entity]\n",
    ])
    let output = try TestPaths.temporaryDirectory("exclude-out")
    let result = try await build(root, output: output)
    #expect(result.published)
    let data = try Data(contentsOf: output.appendingPathComponent("api/build.json"))
    let diagnostics = try JSONReader().parse([UInt8](data))["diagnostics"] ?? .null
    #expect(
      JSONWriter(pretty: false).string(for: diagnostics)
        == #"{"errors":0,"items":[{"code":"catalog.dangling-ref","column":10,"line":17,"#
        + #""message":"spec.owner 'group:default/team-b' does not exist; did you mean 'group:default/team-a'?","#
        + #""notes":[{"message":"in entity 'component:default/svc'"}],"path":"content/catalog/a.yaml","#
        + #""severity":"warning"}],"notes":0,"silenced":12,"warnings":1}"#)
  }
}

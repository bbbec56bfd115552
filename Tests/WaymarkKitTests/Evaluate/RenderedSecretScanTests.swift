import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Credentials that only appear once decoded (issue 19, item 16): YAML and JSON escapes, markdown
/// escapes and references, file names. The rendered site is scanned, so each is an error and
/// nothing is published.
@Suite struct RenderedSecretScanTests {
  /// Five distinct GitHub-token-shaped values, one per way of hiding it.
  static func token(_ seed: String) -> String { "gh" + "p_" + String(repeating: seed, count: 12) }

  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: me}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: yaml-escape
      description: "gh\\x70\\x5f\(String(repeating: "Ya1", count: 12))"
    spec: {type: service, lifecycle: production, owner: me}
    ---
    {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
     "metadata": {"name": "json-escape", "description": "ghp\\u005f\(String(repeating: "Jb2", count: 12))"},
     "spec": {"type": "service", "lifecycle": "production", "owner": "me"}}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: svc
      annotations: {backstage.io/techdocs-ref: "dir:../docs/svc"}
    spec: {type: service, lifecycle: production, owner: me}

    """

  @Test func escapedTokensAndTokensAsFileNamesAreFoundInTheOutput() async throws {
    let root = try SiteFixture.make([
      "content/catalog/c.yaml": Self.catalog,
      "content/docs/svc/mkdocs.yml": "site_name: Svc\n",
      "content/docs/svc/docs/index.md": "# Home\n\nBackslash: ghp\\_\(String(repeating: "Mc3", count: 12))\n\n"
        + "Reference: ghp&#95;\(String(repeating: "Rd4", count: 12))\n",
      "content/docs/svc/docs/\(Self.token("Fe5")).txt": "notes\n",
    ])
    let output = try TestPaths.temporaryDirectory("rendered-secrets")
    try FileManager.default.removeItem(at: output)
    let built = try await SiteBuilder().build(
      BuildOptions(root: root, output: output, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: true))
    let text = DiagnosticFormat.text.format(built.diagnostics)
    #expect(!built.published)
    #expect(!FileManager.default.fileExists(atPath: output.path))
    for seed in ["Ya1", "Jb2", "Mc3", "Rd4", "Fe5"] {
      #expect(!text.contains(Self.token(seed)), "\(seed) is shown")
    }
    #expect(text.components(separatedBy: "[secrets.in-output]").count - 1 == 5, "\(text)")
    assertGolden(text, named: "rendered-secrets.txt")
  }

  @Test func aLiteralTokenIsReportedOnceWhereItIsWritten() async throws {
    let root = try SiteFixture.make([
      "content/catalog/c.yaml": Self.catalog.replacingOccurrences(
        of: "gh\\x70\\x5f\(String(repeating: "Ya1", count: 12))", with: Self.token("Ya1"))
    ])
    let built = try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    let codes = built.diagnostics.items.map(\.code.rawValue)
    #expect(codes.filter { $0 == "secrets.detected" }.count == 1)
    #expect(codes.filter { $0 == "secrets.in-output" }.count == 1)  // the JSON-escaped one
  }

  @Test func anAllowedExampleIsAllowedInTheOutputWhateverItsLineBreaksBecome() async throws {
    // An allowed example stays allowed wherever the rendered site repeats it.
    let allow = "waymark.dev/allow-secret-pattern: \"(?s)-----BEGIN.*\""
    let catalog = Self.catalog.replacingOccurrences(
      of: "annotations: {backstage.io/techdocs-ref: \"dir:../docs/svc\"}",
      with: "annotations: {backstage.io/techdocs-ref: \"dir:../docs/svc\", \(allow)}")
    let root = try SiteFixture.make([
      "content/catalog/c.yaml": catalog.replacingOccurrences(of: "\\x70\\x5f", with: "x"),
      "content/docs/svc/mkdocs.yml": "site_name: Svc\n",
      "content/docs/svc/docs/index.md": "# Keys\n\n```\n\(HostileInputGenerator.privateKey)```\n",
    ])
    let built = try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    #expect(built.diagnostics.items.map(\.code.rawValue).filter { $0.hasPrefix("secrets.") } == ["secrets.in-output"])
  }
}

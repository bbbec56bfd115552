import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The output folder is replaced on every build and the layouts are trusted: neither may be a
/// folder the inputs are read from, and the output is never reached through a link.
@Suite struct FolderPlacementTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  /// A site with a catalog, a docs folder, policies, layouts and a `.git` folder to lose.
  static func site(config: String) throws -> URL {
    let handbook = """
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: handbook
        annotations: {backstage.io/techdocs-ref: dir:../../handbook}
      spec: {type: service, lifecycle: production, owner: team-a}

      """
    return try SiteFixture.make([
      "waymark.yaml": config, "content/catalog/a.yaml": SiteFixture.minimalCatalog + handbook,
      "handbook/docs/index.md": "# Handbook\n", "policies/README.md": "policies\n",
      ".git/HEAD": "ref: refs/heads/main\n",
    ])
  }

  func build(_ root: URL, output: URL? = nil) async throws -> BuildResult {
    try await SiteBuilder().build(BuildOptions(root: root, output: output, asOf: Self.asOf, writesOutput: true))
  }

  static let outputCases: [(String, String)] = [
    ("content", "contains 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml')"),
    ("content/catalog/site", "is inside 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml')"),
    ("layouts", "is the layouts folder 'layouts'"),
    ("policies", "is the policies folder 'policies'"),
    (".git", "is the repository's '.git' folder"),
    (".git/hooks", "is inside the repository's '.git' folder"),
    ("waymark.yaml", "is waymark.yaml"),
    ("handbook/docs", "is inside the docs folder 'handbook' of component:default/handbook"),
  ]

  @Test(arguments: outputCases)
  func anOutputFolderHoldingInputsIsAnErrorAndNothingIsReplaced(_ folder: String, _ relation: String) async throws {
    let root = try Self.site(config: "output: \(folder)\n")
    let before = SiteFixture.snapshot(of: root)
    let result = try await build(root)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics).split(separator: "\n").filter { $0.contains("[output.") }
        == [
          "waymark.yaml:1:9: error: the output folder '\(folder)' \(relation); it is replaced on every build, so it must hold no input [output.overlaps-input]"
        ])
    #expect(!result.published)
    #expect(SiteFixture.snapshot(of: root) == before)
  }

  @Test func aConfiguredOutputThatTheCommandLineOverridesIsReadLikeAnyFolder() async throws {
    // `output: content` is not where this build writes, so the walk must not skip the content.
    let root = try Self.site(config: "output: content\n")
    let result = try await build(root, output: root.appendingPathComponent("_site"))
    #expect(result.diagnostics.errorCount == 0)
    #expect(result.published)
    #expect(result.files.contains { $0.path == "catalog/default/component/handbook/index.html" })
  }

  @Test func aCommandLineOutputHoldingInputsIsAUsageError() async throws {
    let root = try Self.site(config: "site: {title: Portal}\n")
    let failure = await #expect(throws: BuildFailure.self) {
      try await build(root, output: root.appendingPathComponent("content"))
    }
    #expect(failure?.isUsage == true)
    #expect(
      failure?.description
        == "--output: the output folder 'content' contains 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml'); it is replaced on every build, so it must hold no input [output.overlaps-input]"
    )
  }

  /// An output above the root would swap out and delete the folder holding the root. The root
  /// is nested in a folder of its own, so that a regression loses only that folder, never the
  /// shared temporary folder (as an unfixed build did).
  @Test func aCommandLineOutputHoldingTheRootIsAUsageError() async throws {
    let parent = try TestPaths.temporaryDirectory("output-parent")
    let root = parent.appendingPathComponent("site")
    try FileManager.default.copyItem(at: try Self.site(config: "site: {title: Portal}\n"), to: root)
    let failure = await #expect(throws: BuildFailure.self) { try await build(root, output: parent) }
    #expect(failure?.isUsage == true)
    #expect(
      failure?.description
        == "--output: the output folder '\(parent.standardizedFileURL.path)' contains the site root [output.overlaps-input]"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    // The same folder through a link beside it.
    let alias = parent.appendingPathComponent("alias")
    try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: ".")
    let linked = await #expect(throws: BuildFailure.self) { try await build(root, output: alias) }
    #expect(
      linked?.description
        == "--output: the output folder '\(alias.path)' contains the site root [output.overlaps-input]")
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["alias", "site"])
  }

  @Test func anOutputReachedThroughALinkIsAnError() async throws {
    let root = try Self.site(config: "output: public/site\n")
    let elsewhere = try TestPaths.temporaryDirectory("elsewhere")
    try Data("secret".utf8).write(to: elsewhere.appendingPathComponent(".netrc"))
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("public"), withDestinationURL: elsewhere)
    let result = try await build(root)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics)
        == "waymark.yaml:1:9: error: the output folder 'public/site' is reached through the symbolic link 'public'; the site is never written or copied through a link [output.symbolic-link]\n"
    )
    #expect(!result.published)
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [".netrc"])
  }

  static let layoutsCases: [(String, String)] = [
    (
      "layouts: handbook/docs",
      "waymark.yaml:1:10: error: the layouts folder 'handbook/docs' is inside the docs folder 'handbook' of component:default/handbook"
    ),
    (
      "layouts: content/catalog/theme",
      "waymark.yaml:1:10: error: the layouts folder 'content/catalog/theme' is inside 'content/catalog', which inputs.catalog reads ('content/catalog/**/*.yaml')"
    ),
    ("layouts: policies", "waymark.yaml:1:10: error: the layouts folder 'policies' is the policies folder 'policies'"),
    (
      "layouts: theme",
      "waymark.yaml:1:10: error: the layouts folder 'theme' holds 'theme/catalog-info.yaml', which inputs.catalog reads"
    ),
  ]

  @Test(arguments: layoutsCases)
  func aLayoutsFolderOtherInputsReadIsAnError(_ config: String, _ expected: String) async throws {
    let root = try Self.site(config: config + "\n")
    try Data(
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: theme}\nspec: {type: team, children: []}\n".utf8
    )
    .write(to: try Self.folder(root, "theme").appendingPathComponent("catalog-info.yaml"))
    let result = try await build(root, output: try TestPaths.temporaryDirectory("layouts-output"))
    #expect(
      DiagnosticFormat.text.format(result.diagnostics).split(separator: "\n").filter {
        $0.contains("[layout.overlaps-input]")
      }
        == [
          "\(expected); layouts are trusted (their script runs on every page), so no other input may be read from them [layout.overlaps-input]"
        ])
    #expect(!result.published)
  }

  @Test func aLayoutsLinkToADocsFolderIsAnError() async throws {
    let root = try Self.site(config: "site: {title: Portal}\n")
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("layouts").path, withDestinationPath: "handbook/docs")
    let result = try await build(root, output: try TestPaths.temporaryDirectory("layouts-output"))
    #expect(
      DiagnosticFormat.text.format(result.diagnostics).split(separator: "\n").filter {
        $0.contains("[layout.overlaps-input]")
      }
        == [
          "content/catalog/a.yaml:23:44: error: the layouts folder 'layouts' (a link to 'handbook/docs') is inside the docs folder 'handbook' of component:default/handbook; layouts are trusted (their script runs on every page), so no other input may be read from them [layout.overlaps-input]"
        ])
  }

  static func folder(_ root: URL, _ name: String) throws -> URL {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

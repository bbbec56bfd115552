import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

@Suite struct SiteBuilderTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  func build(_ root: URL, output: URL? = nil, write: Bool = true) async throws -> BuildResult {
    try await SiteBuilder().build(BuildOptions(root: root, output: output, asOf: Self.asOf, writesOutput: write))
  }

  func text(_ result: BuildResult) -> String { DiagnosticFormat.text.format(result.diagnostics) }

  @Test func theDemoBuildsWithoutDiagnostics() async throws {
    let output = try TestPaths.temporaryDirectory("demo")
    let result = try await build(TestPaths.repositoryRoot, output: output)
    #expect(
      text(result)
        == "policies/waivers.yaml:29:1: warning: waiver 'identity-docs-migration' expired on 2026-10-15 and no longer applies [policy.expired-waiver]\n"
    )
    #expect(result.published)
    let files = SiteFixture.snapshot(of: output)
    for path in [
      "index.html", "404.html", "catalog/index.html", "catalog/default/component/payments-api/index.html",
      "api/catalog.json", "api/build.json", "api/entities/default/component/payments-api.json", "assets/style.css",
    ] {
      #expect(files[path] != nil, "missing \(path)")
    }
  }

  @Test func buildsAreByteIdentical() async throws {
    let first = try TestPaths.temporaryDirectory("demo-a")
    let second = try TestPaths.temporaryDirectory("demo-b")
    _ = try await build(TestPaths.repositoryRoot, output: first)
    _ = try await build(TestPaths.repositoryRoot, output: second)
    let a = SiteFixture.snapshot(of: first)
    let b = SiteFixture.snapshot(of: second)
    #expect(a.keys.sorted() == b.keys.sorted())
    for (path, bytes) in a {
      #expect(b[path] == bytes, "\(path) differs between two builds")
    }
  }

  @Test func anErrorLeavesThePreviousOutputExactlyAsItWas() async throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog, "output/.gitkeep": ""])
    let first = try await build(root)
    #expect(first.published)
    let before = SiteFixture.snapshot(of: root.appendingPathComponent("output"))
    #expect(before[".gitkeep"] != nil)
    try Data(SiteFixture.minimalCatalog.replacingOccurrences(of: "owner: team-a", with: "owner: team-b").utf8)
      .write(to: root.appendingPathComponent("content/catalog/a.yaml"))
    let second = try await build(root)
    #expect(!second.published)
    #expect(
      text(second)
        == "content/catalog/a.yaml:17:10: error: spec.owner 'group:default/team-b' does not exist; did you mean 'group:default/team-a'? [catalog.dangling-ref]\n  note: in entity 'component:default/svc'\n"
    )
    #expect(SiteFixture.snapshot(of: root.appendingPathComponent("output")) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output") }
    #expect(leftovers.isEmpty)
  }

  @Test func checkWritesNothing() async throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": SiteFixture.minimalCatalog])
    let result = try await build(root, write: false)
    #expect(!result.published)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
  }

  @Test func entityPagesEscapeCatalogText() async throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": SiteFixture.minimalCatalog,
      "waymark.yaml": "site: {title: Test Portal}\n",
    ])
    let result = try await build(root)
    let page = try #require(result.files.first { $0.path == "catalog/default/component/svc/index.html" })
    assertGolden(String(decoding: page.bytes, as: UTF8.self), named: "entity-page.html")
    let catalog = try #require(result.files.first { $0.path == "api/catalog.json" })
    assertGolden(String(decoding: catalog.bytes, as: UTF8.self), named: "catalog.json")
  }

  @Test func buildManifestRecordsInputsWithTheirHashes() async throws {
    let root = try SiteFixture.make(["content/catalog/a.yaml": "", "waymark.yaml": "asOf: 2026-10-01T00:00:00Z\n"])
    let result = try await SiteBuilder().build(BuildOptions(root: root, writesOutput: false))
    let manifest = try #require(result.files.first { $0.path == "api/build.json" })
    assertGolden(String(decoding: manifest.bytes, as: UTF8.self), named: "build.json")
  }
}

import Foundation
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// Docs assets a browser would open as markup (issue 19, item 6): the hostile `script-assets`
/// site's files, each of which ran script in Chromium when published, are left out with one
/// warning each and counted in `api/build.json`; a plain SVG drawing is published.
@Suite struct DocsAssetFilterTests {
  static let site = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile/script-assets/site")
  static let folder = "docs/default/component/svc/"

  func build(unsafeHTML: Bool) async throws -> BuildResult {
    var files: [String: String] = [:]
    for (path, data) in SiteFixture.snapshot(of: Self.site) { files[path] = String(decoding: data, as: UTF8.self) }
    files["waymark.yaml"] = "docs: {unsafeHTML: \(unsafeHTML)}\n"
    let root = try SiteFixture.make(files)
    // UTF-16 is not text `SiteFixture` keeps byte for byte: copy that file as it is.
    let utf16 = "content/docs/svc/docs/utf16.html"
    try Data(contentsOf: Self.site.appendingPathComponent(utf16)).write(to: root.appendingPathComponent(utf16))
    return try await SiteBuilder().build(
      BuildOptions(root: root, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
  }

  @Test func markupIsLeftOutOncePerFileAndCounted() async throws {
    let result = try await build(unsafeHTML: false)
    let assets = result.files.map(\.path).filter { $0.hasPrefix(Self.folder) && !$0.hasSuffix("index.html") }
    #expect(assets == [Self.folder + "plain.svg"])
    let leftOut = result.diagnostics.items.filter { $0.code.rawValue == "docs.unsafe-asset" }.compactMap {
      $0.location?.path
    }
    #expect(leftOut.count == 10)
    #expect(Set(leftOut).count == 10)
    let manifest = try #require(result.files.first { $0.path == "api/build.json" })
    #expect(String(decoding: manifest.bytes, as: UTF8.self).contains("\"assetsLeftOut\": 10,"))
  }

  @Test func unsafeHTMLPublishesEveryFile() async throws {
    let result = try await build(unsafeHTML: true)
    let assets = result.files.map(\.path).filter { $0.hasPrefix(Self.folder) && !$0.hasSuffix("index.html") }
    #expect(assets.count == 11)
    #expect(!result.diagnostics.items.contains { $0.code.rawValue == "docs.unsafe-asset" })
  }
}

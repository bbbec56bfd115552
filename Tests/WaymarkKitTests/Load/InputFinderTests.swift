import Foundation
import Testing
import WaymarkLoading
import WaymarkTestSupport

@Suite struct InputFinderTests {
  @Test func neverEntersHiddenBuildOrOutputFolders() throws {
    let root = try SiteFixture.make([
      "content/catalog/a.yaml": "", "svc/catalog-info.yaml": "", ".git/catalog-info.yaml": "",
      ".build/x/catalog-info.yaml": "", "public/catalog-info.yaml": "", "node_modules/p/catalog-info.yaml": "",
      "content/catalog/.hidden/b.yaml": "",
    ])
    let finder = InputFinder(root: root, excludedFolders: ["public"])
    let all = finder.allFiles()
    #expect(all == ["content/catalog/a.yaml", "svc/catalog-info.yaml"])
    #expect(
      finder.files(matching: ["content/catalog/**/*.yaml", "**/catalog-info.yaml", "content/**/*.yaml"], in: all)
        == ["content/catalog/a.yaml", "svc/catalog-info.yaml"])
  }

  @Test func matchesAsTheGlobDoesWhatItsLiteralFoldersAndNameRuleOut() {
    let finder = InputFinder(root: URL(fileURLWithPath: "/nowhere"), excludedFolders: [])
    let all = [
      "catalog-info.yaml", "a/b/catalog-info.yaml", "a/xcatalog-info.yaml", "a/catalog-info.yaml.bak",
      "catalog-info.yaml/x", "content/catalog/a.yaml", "content/catalogue/b.yaml", "content/cat.yaml",
      "content/catalog", "other/content/catalog/c.yaml",
    ]
    let globs = ["**/catalog-info.yaml", "content/catalog/**/*.yaml", "content/*.yaml", "content/catalog"]
    #expect(
      finder.files(matching: globs, in: all) == [
        "catalog-info.yaml", "a/b/catalog-info.yaml", "content/catalog/a.yaml", "content/cat.yaml", "content/catalog",
      ])
    #expect(
      finder.files(matching: globs, in: all) == all.filter { path in globs.contains { GlobPattern($0).matches(path) } })
  }

  @Test func doesNotFollowLinksOutOfTheRoot() throws {
    let outside = try SiteFixture.make(["secret/catalog-info.yaml": "x"])
    let root = try SiteFixture.make(["a/catalog-info.yaml": ""])
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("linked"), withDestinationURL: outside.appendingPathComponent("secret"))
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("leak.yaml"),
      withDestinationURL: outside.appendingPathComponent("secret/catalog-info.yaml"))
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("inside.yaml"),
      withDestinationURL: root.appendingPathComponent("a/catalog-info.yaml"))
    #expect(InputFinder(root: root, excludedFolders: []).allFiles() == ["a/catalog-info.yaml", "inside.yaml"])
  }
}

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

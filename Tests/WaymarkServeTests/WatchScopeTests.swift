import Foundation
import Testing

@testable import WaymarkServe

@Suite struct WatchScopeTests {
  let scope = WatchScope(
    root: URL(fileURLWithPath: "/site/"),
    ignoring: [
      URL(fileURLWithPath: "/site/output"), URL(fileURLWithPath: "/site/.waymark/serve/site"),
      URL(fileURLWithPath: "/elsewhere/site"),
    ])

  @Test func theWrittenFoldersInsideTheRootAreIgnored() {
    #expect(scope.root == "/site")
    #expect(scope.ignoredFolders == [".waymark/serve/site", "output"])
  }

  @Test func hiddenPathsAndWrittenFoldersDoNotMatter() {
    for path in ["", "waymark.yaml", "content/catalog/a.yaml", "docs/index.md", "outputs/x", "layouts/home.html"] {
      #expect(scope.matters(path), "\(path)")
    }
    for path in [
      "output", "output/index.html", ".git/index", "content/.a.yaml.swp", ".waymark/cache/x", "docs/.DS_Store",
    ] {
      #expect(!scope.matters(path), "\(path)")
    }
  }

  @Test func anOutputThatIsTheRootIgnoresEverything() {
    let all = WatchScope(root: URL(fileURLWithPath: "/site"), ignoring: [URL(fileURLWithPath: "/site")])
    #expect(!all.matters("content/a.yaml"))
  }

  @Test func theLoopIgnoresWhereTheLastBuildWrote() {
    #expect(!WatchLoop.isOutside("/site/public", "public/index.html", root: scope))
    #expect(WatchLoop.isOutside("/site/public", "content/a.yaml", root: scope))
    #expect(WatchLoop.isOutside(nil, "public/index.html", root: scope))
  }
}

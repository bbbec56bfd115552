import Testing
import WaymarkLoading

@Suite struct RootPathTests {
  @Test func normalizesInsideTheRootOnly() {
    #expect(RootPath.normalized("a/./b/../c") == "a/c")
    #expect(RootPath.normalized("../a") == nil)
    #expect(RootPath.normalized("a/../../b") == nil)
    #expect(RootPath.normalized("/etc/passwd") == nil)
    #expect(RootPath.normalized("file:///etc/passwd") == nil)
    #expect(RootPath.normalized(".") == nil)
  }

  /// A path already in normal form comes back as it is; any empty, `.` or `..` name is folded.
  @Test(
    arguments: [
      ("content/docs/a.md", "content/docs/a.md"),
      ("a", "a"),
      ("a/.b/..c/...", "a/.b/..c/..."),
      ("a//b", "a/b"),
      ("a/b/", "a/b"),
      ("a/.", "a"),
      ("./a", "a"),
      ("a/..", nil),
      ("..", nil),
      ("", nil),
      ("a/b/..", "a"),
    ] as [(String, String?)])
  func foldsOnlyWhatNeedsIt(path: String, expected: String?) {
    #expect(RootPath.normalized(path) == expected)
  }

  @Test func resolvesBesideAFile() {
    #expect(RootPath.resolve("./api.yaml", besideFile: "content/catalog/x.yaml") == "content/catalog/api.yaml")
    #expect(RootPath.resolve("../../../x", besideFile: "content/catalog/x.yaml") == nil)
    #expect(RootPath.resolve("b.yaml", besideFile: "x.yaml") == "b.yaml")
  }

  /// The first name that starts with `.` (other than `.` and `..`), wherever it stands.
  @Test(
    arguments: [
      ("content/docs/a.md", nil),
      (".git/config", ".git"),
      ("content/.env", ".env"),
      ("a/.b/.c", ".b"),
      ("a/./b/../c", nil),
      ("a//.ssh/id", ".ssh"),
      ("/.hidden", ".hidden"),
      ("a/b.", nil),
      ("a/...", "..."),
      ("..c", "..c"),
      (".", nil),
      ("", nil),
      ("a/", nil),
    ] as [(String, String?)])
  func findsTheFirstHiddenName(path: String, expected: String?) {
    #expect(RootPath.hiddenSegment(in: path).map(String.init) == expected)
  }
}

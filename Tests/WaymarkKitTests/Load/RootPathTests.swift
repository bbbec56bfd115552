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

  @Test func resolvesBesideAFile() {
    #expect(RootPath.resolve("./api.yaml", besideFile: "content/catalog/x.yaml") == "content/catalog/api.yaml")
    #expect(RootPath.resolve("../../../x", besideFile: "content/catalog/x.yaml") == nil)
    #expect(RootPath.resolve("b.yaml", besideFile: "x.yaml") == "b.yaml")
  }
}

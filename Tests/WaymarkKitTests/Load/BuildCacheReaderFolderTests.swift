import Foundation
import Testing
import WaymarkLoading
import WaymarkTestSupport

/// A `--cache` folder inside the root is left out of the input walk only when it holds nothing
/// but the cache.
@Suite struct BuildCacheReaderFolderTests {
  static func folder(_ names: [String]) throws -> URL {
    let folder = try TestPaths.temporaryDirectory("cache-folder")
    for name in names {
      if name.hasSuffix("/") {
        try FileManager.default.createDirectory(
          at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
      } else {
        try Data("x".utf8).write(to: folder.appendingPathComponent(name))
      }
    }
    return folder
  }

  @Test func aTaggedFolderOfTablesAndSparesIsACache() throws {
    let names = ["CACHEDIR.TAG", "docs.cache", ".docs.cache.1C2B", "site-879e64207eacd650/"]
    #expect(BuildCacheReader.holdsOnlyCacheFiles(try Self.folder(names)))
    #expect(BuildCacheReader.holdsOnlyCacheFiles(try Self.folder(["CACHEDIR.TAG"])))
  }

  @Test func anUntaggedFolderOrOneHoldingAnythingElseIsNot() throws {
    #expect(!BuildCacheReader.holdsOnlyCacheFiles(try Self.folder(["docs.cache"])))
    #expect(!BuildCacheReader.holdsOnlyCacheFiles(try Self.folder(["CACHEDIR.TAG", "docs.cache", "c.yaml"])))
    #expect(!BuildCacheReader.holdsOnlyCacheFiles(try Self.folder(["CACHEDIR.TAG", "docs/"])))
    #expect(!BuildCacheReader.holdsOnlyCacheFiles(try Self.folder([])))
    let missing = try Self.folder([]).appendingPathComponent("none")
    #expect(!BuildCacheReader.holdsOnlyCacheFiles(missing))
  }
}

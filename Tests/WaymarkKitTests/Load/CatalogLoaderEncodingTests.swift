import Foundation
import Testing
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Catalog files in UTF-16 with a byte-order mark, which the YAML loader reads: positions are
/// counted in their characters.
@Suite struct CatalogLoaderEncodingTests {
  func load(_ bytes: [UInt8]) async throws -> (LoadedCatalog, [String]) {
    let root = try SiteFixture.make([:])
    try Data(bytes).write(to: root.appendingPathComponent("catalog-info.yaml"))
    let loaded = await CatalogLoader(root: root).load(paths: ["catalog-info.yaml"], available: ["catalog-info.yaml"])
    let (_, built) = CatalogBuilder().build(loaded.documents)
    let text = DiagnosticList(loaded.diagnostics + built).items.map {
      DiagnosticFormat.text.format(DiagnosticList([$0]))
    }
    return (loaded, text)
  }

  static func utf16LittleEndian(_ text: String) -> [UInt8] {
    [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  @Test func readsAUTF16DocumentAndLocatesItsProblemsInCharacters() async throws {
    let (loaded, problems) = try await load(
      Self.utf16LittleEndian(
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: équipe}\nspec: {type: team, children: []}\n"))
    #expect(loaded.documents.count == 1)
    #expect(
      problems == [
        "catalog-info.yaml:3:18: error: metadata.name \"équipe\" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total [catalog.bad-format]\n  note: in entity 'group:default/équipe'\n"
      ])
  }

  /// fuzz-catalog's input (`Fixtures/fuzz/utf16-line-separator.yaml`): after the byte-order mark,
  /// an LS (U+2028, a line break to YAML) and a letter, which is on line 2 although the file's
  /// bytes hold no UTF-8 line break. The harness counted lines in the bytes and stopped on it.
  @Test func aLineSeparatorInUTF16StartsLineTwo() async throws {
    let fixture = TestPaths.repositoryRoot.appendingPathComponent(
      "Tests/WaymarkKitTests/Fixtures/fuzz/utf16-line-separator.yaml")
    let bytes = try [UInt8](Data(contentsOf: fixture))
    #expect(bytes == Self.utf16LittleEndian("\u{2028}ų"))
    let (_, problems) = try await load(bytes)
    #expect(
      problems == [
        "catalog-info.yaml:2:1: error: the document must be an object (a mapping), found string [catalog.not-an-object]\n"
      ])
  }
}

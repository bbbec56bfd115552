import Foundation
import StructuredData
import Testing
import WaymarkKit
import WaymarkModel
import WaymarkTestSupport

/// The catalog explorer of a large catalog: the page holds its first 100 rows and names the
/// shards (`api/catalog-explorer/<n>.json`, 2,000 rows each) its script loads the others from.
@Suite struct CatalogExplorerShardTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  /// A team and `count` components it owns, `svc-0000`…, in one file.
  static func catalog(components count: Int) -> String {
    let team =
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n"
      + "spec:\n  type: team\n  children: []\n"
    let components = (0..<count).map { index in
      let name = "svc-" + String(repeating: "0", count: 4 - String(index).count) + String(index)
      return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: \(name)\n  tags: [t\(index % 3)]\n"
        + "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n"
    }
    return ([team] + components).joined(separator: "---\n")
  }

  func build(components count: Int) async throws -> BuildResult {
    let root = try SiteFixture.make(["content/catalog/all.yaml": Self.catalog(components: count)])
    let result = try await SiteBuilder().build(BuildOptions(root: root, asOf: Self.asOf, writesOutput: false))
    #expect(DiagnosticFormat.text.format(result.diagnostics) == "")
    return result
  }

  func text(_ result: BuildResult, _ path: String) throws -> String {
    let file = try #require(result.files.first { $0.path == path }, "missing \(path)")
    return String(decoding: file.bytes, as: UTF8.self)
  }

  func shardRows(_ result: BuildResult, _ index: Int) throws -> [JSONValue] {
    let value = try JSONReader().parse(try text(result, "api/catalog-explorer/\(index).json"))
    return try #require(value["rows"]?.arrayValue)
  }

  @Test func aLargeCatalogsPageHoldsTheFirstRowsAndTheShardsHoldEveryRow() async throws {
    let result = try await build(components: 2_150)
    let page = try text(result, "catalog/index.html")
    #expect(page.components(separatedBy: "<tr data-kind=").count - 1 == 100)
    // Catalog order is by canonical reference: the components, then the group.
    #expect(!page.contains("<tr data-kind=\"Group\""))
    #expect(page.contains("/svc-0099/") && !page.contains("/svc-0100/"))
    #expect(
      page.contains(
        "<table class=\"catalog\" id=\"catalog-table\" data-root=\"../\" "
          + "data-shards=\"../api/catalog-explorer/0.json ../api/catalog-explorer/1.json \">"))
    #expect(
      page.contains(
        "This page lists the first 100 of 2151 entities; the script loads the others. "
          + "Every entity is also in <a href=\"../api/catalog.json\">api/catalog.json</a>."))
    #expect(page.utf8.count < 100_000)
    let first = try shardRows(result, 0)
    let second = try shardRows(result, 1)
    #expect(first.count == 2_000)
    #expect(second.count == 151)
    #expect(!result.files.contains { $0.path == "api/catalog-explorer/2.json" })
    let catalog = try JSONReader().parse(try text(result, "api/catalog.json"))
    let names = (catalog["entities"]?.arrayValue ?? []).map { $0["metadata"]?["name"]?.stringValue ?? "" }
    #expect((first + second).map { $0["ref"]?.stringValue?.split(separator: "/").last.map(String.init) ?? "" } == names)
    #expect(second[150]["ref"] == "group:default/team-a")
    let row = second[149]
    #expect(row["ref"] == "component:default/svc-2149")
    #expect(row["url"] == "catalog/default/component/svc-2149/")
    #expect(row["ownerRef"] == "group:default/team-a")
    #expect(row["owner"]?["url"] == "catalog/default/group/team-a/")
    #expect(row["tagList"] == "t1")
    #expect(row["kind"] == "Component")
  }

  @Test func aCatalogOfAtMostAHundredEntitiesIsWhollyInThePage() async throws {
    let result = try await build(components: 99)
    let page = try text(result, "catalog/index.html")
    #expect(page.components(separatedBy: "<tr data-kind=").count - 1 == 100)
    #expect(page.contains("<tr data-kind=\"Group\""))
    #expect(page.contains("<table class=\"catalog\" id=\"catalog-table\">"))
    #expect(!page.contains("catalog-partial"))
    #expect(!result.files.contains { $0.path.hasPrefix("api/catalog-explorer/") })
  }
}

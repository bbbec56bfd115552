import Testing
import WaymarkKit
import WaymarkModel
import WaymarkRendering
import WaymarkTestSupport

@Suite struct SearchIndexWriterTests {
  @Test func tokenisesWordsOfTwoOrMoreCharacters() {
    #expect(SearchIndexWriter.terms(in: "Payments-API v2: a café (ÉTÉ)") == ["payments", "api", "v2", "café", "été"])
  }

  @Test func writesShardsDocumentPagesAndAManifest() {
    let documents = [
      SearchDocument(
        title: "Payments API", url: "catalog/default/component/payments-api/", kind: "Component",
        summary: "Takes payments", text: "kotlin"),
      SearchDocument(
        title: "Payment runbook", url: "docs/default/component/payments-api/runbook/", kind: "Docs", summary: "",
        text: "pager"),
    ]
    let files = SearchIndexWriter(shardBudget: 60_000, documentsPerFile: 1).files(for: documents)
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    #expect(
      byPath.keys.sorted() == [
        "search/d0.json", "search/d1.json", "search/manifest.json", "search/t0.json", "search/t1.json",
        "search/t2.json", "search/t3.json", "search/t4.json", "search/t5.json", "search/t6.json",
      ])
    #expect(
      byPath["search/manifest.json"]
        == #"{"documents":2,"documentsPerFile":1,"shards":{"ap":"t0.json","co":"t1.json","do":"t2.json","ko":"t3.json","pa":"t4.json","ru":"t5.json","ta":"t6.json"},"version":1}"#
    )
    #expect(byPath["search/t4.json"] == #"{"pager":[1,1],"payment":[1,3],"payments":[0,5]}"#)
    #expect(
      byPath["search/d1.json"]
        == #"[{"k":"Docs","s":"","t":"Payment runbook","u":"docs/default/component/payments-api/runbook/"}]"#)
  }

  @Test func splitsOversizedShardsByAThirdLetter() {
    let documents = (0..<50).map {
      SearchDocument(title: "paper\($0) pasta\($0)", url: "u\($0)", kind: "K", summary: "", text: "")
    }
    let manifest = SearchIndexWriter(shardBudget: 200, documentsPerFile: 100).files(for: documents).first {
      $0.path == "search/manifest.json"
    }
    let text = manifest.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    #expect(text.contains(#""pap":"#))
    #expect(text.contains(#""pas":"#))
    #expect(!text.contains(#""pa":"#))
  }
}

@Suite struct SearchCatalogueTests {
  @Test func theDemoIndexCoversEntitiesAndDocsPages() async throws {
    let result = try await SiteBuilder().build(
      BuildOptions(
        root: TestPaths.repositoryRoot, asOf: Timestamp(iso8601: "2026-11-01T00:00:00Z"), writesOutput: false))
    let pages = result.files.filter { $0.path.hasPrefix("search/d") }.map { String(decoding: $0.bytes, as: UTF8.self) }
      .joined()
    #expect(pages.contains(#""k":"Docs","s":"#))
    #expect(pages.contains(#""t":"Payments API","u":"catalog/default/component/payments-api/""#))
    let manifest = try #require(result.files.first { $0.path == "search/manifest.json" })
    // The first query needs the manifest, one shard and one document page: keep each small.
    #expect(manifest.bytes.count < 20_000)
    #expect(result.files.filter { $0.path.hasPrefix("search/") }.allSatisfy { $0.bytes.count < 300_000 })
  }
}

import Testing
import WaymarkRendering

/// Pages render in batches of `pagesPerBatch` entity and docs pages; every other page (the
/// site-wide ones) is a batch of its own.
@Suite struct PageBatchesTests {
  @Test func siteWidePagesAreBatchesOfTheirOwn() {
    let size = SiteRenderer.pagesPerBatch
    let kinds =
      Array(repeating: "entity", count: size + 3) + ["docs", "home", "catalog"]
      + Array(repeating: "docs", count: 2) + ["readiness"]
    #expect(
      SiteRenderer.batches(ofKinds: kinds)
        == [
          0..<size, size..<(size + 4), (size + 4)..<(size + 5), (size + 5)..<(size + 6), (size + 6)..<(size + 8),
          (size + 8)..<(size + 9),
        ])
  }

  @Test func everyPageIsInExactlyOneBatchInOrder() {
    let kinds = (0..<200).map { $0 % 37 == 0 ? "guardrails" : ($0 % 2 == 0 ? "entity" : "docs") }
    let batches = SiteRenderer.batches(ofKinds: kinds)
    #expect(batches.flatMap { Array($0) } == Array(kinds.indices))
    #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= SiteRenderer.pagesPerBatch })
    #expect(SiteRenderer.batches(ofKinds: []) == [])
  }
}

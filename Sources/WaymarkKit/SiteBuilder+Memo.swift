import WaymarkDocs
import WaymarkLoading
import WaymarkModel

extension SiteBuilder {
  /// The docs stage, taking the pages the build cache holds rather than rendering them again.
  static func docs(inputs: SiteInputs, catalog: Catalog, memo: inout BuildMemo?) async -> DocsSet {
    let stage = DocsStage(inputs: inputs, catalog: catalog)
    guard memo != nil else { return await stage.run() }
    let stored = memo?.table(DocsPageMemo.table) ?? CacheTable(name: DocsPageMemo.table)
    let (docs, entries) = await stage.run(memo: DocsPageMemo(stored))
    memo?.save(DocsPageMemo.table, entries: entries, unchangedFrom: stored)
    return docs
  }
}

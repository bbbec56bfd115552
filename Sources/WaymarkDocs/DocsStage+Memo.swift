import WaymarkModel

extension DocsStage {
  /// `run()`, taking the pages (and diagrams) `memo` holds rather than rendering them again;
  /// also returns the memo entries of this build's pages and diagrams, for the next.
  package func run(memo: DocsPageMemo) async -> (docs: DocsSet, memo: [MemoKey: [UInt8]], diagrams: [MemoKey: [UInt8]])
  {
    let builder = DocsSetBuilder(root: inputs.root, config: inputs.config, remote: inputs.remote)
    let (loaded, diagnostics) = await builder.load(catalog: catalog, files: inputs.files)
    return await builder.build(loaded, diagnostics: diagnostics, memo: memo)
  }
}

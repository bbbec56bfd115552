import WaymarkModel

extension DocsStage {
  /// What the docs stage leaves in the build cache for the next build, by table.
  package struct MemoEntries: Sendable {
    /// The pages rendered (`DocsPageMemo.table`).
    package var pages: [MemoKey: [UInt8]]
    /// The diagrams drawn (`DiagramMemo.table`).
    package var diagrams: [MemoKey: [UInt8]]
    /// How each site's snippet files were found (`SnippetTrace.table`).
    package var snippetTraces: [MemoKey: [UInt8]]
  }

  /// `run()`, taking the pages (and diagrams) `memo` holds rather than rendering them again and
  /// replaying the snippet traces `snippetTraces` holds; also returns this build's entries.
  package func run(memo: DocsPageMemo, snippetTraces: CacheTable) async -> (docs: DocsSet, entries: MemoEntries) {
    let builder = DocsSetBuilder(root: inputs.root, config: inputs.config, remote: inputs.remote)
    let (loaded, diagnostics) = await builder.load(catalog: catalog, files: inputs.files, snippetTraces: snippetTraces)
    var traces: [MemoKey: [UInt8]] = [:]
    for site in loaded {
      if let trace = site.snippetTrace { traces[trace.key] = trace.entry }
    }
    let (docs, pages, diagrams) = await builder.build(loaded, diagnostics: diagnostics, memo: memo)
    return (docs, MemoEntries(pages: pages, diagrams: diagrams, snippetTraces: traces))
  }
}

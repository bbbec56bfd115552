import WaymarkCatalog
import WaymarkDocs
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkScorecards
import WaymarkSecrets

extension SiteBuilder {
  /// The docs stage, taking the pages and diagrams the build cache holds rather than rendering
  /// them again, and finding each site's snippet files by its stored trace.
  static func docs(inputs: SiteInputs, catalog: Catalog, memo: inout BuildMemo?) async -> DocsSet {
    let stage = DocsStage(inputs: inputs, catalog: catalog)
    guard memo != nil else { return await stage.run() }
    let stored = memo?.table(DocsPageMemo.table) ?? CacheTable(name: DocsPageMemo.table)
    let storedDiagrams = memo?.table(DiagramMemo.table) ?? CacheTable(name: DiagramMemo.table)
    let storedTraces = memo?.table(SnippetTrace.table) ?? CacheTable(name: SnippetTrace.table)
    let diagrams = DiagramMemo(storedDiagrams, tools: DiagramToolRunner().fingerprint)
    let (docs, entries) = await stage.run(
      memo: DocsPageMemo(stored, diagrams: diagrams), snippetTraces: storedTraces)
    memo?.save(DocsPageMemo.table, entries: entries.pages, unchangedFrom: stored)
    memo?.save(DiagramMemo.table, entries: entries.diagrams, unchangedFrom: storedDiagrams)
    memo?.save(SnippetTrace.table, entries: entries.snippetTraces, unchangedFrom: storedTraces)
    return docs
  }
}

extension SiteBuilder {
  /// The table of the digests of input files the secret scan found nothing in.
  static let secretsTable = "secrets"

  /// The secret scan of `files`, scanning only those whose bytes the build cache has not seen clean.
  static func secrets(_ guarding: SecretGuard, files: [SourceFile], memo: inout BuildMemo?) async
    -> SecretGuard.Outcome
  {
    guard memo != nil else { return await guarding.check(files) }
    let stored = memo?.table(secretsTable) ?? CacheTable(name: secretsTable)
    let (outcome, clean) = await guarding.check(files, clean: Set(stored.keys))
    memo?.save(secretsTable, entries: Dictionary(uniqueKeysWithValues: clean.map { ($0, []) }), unchangedFrom: stored)
    return outcome
  }
}

extension SiteBuilder {
  /// The table of parsed catalog files.
  static let catalogTable = "catalog"

  /// Reads the catalog files, parsing only those the build cache has not seen with the same bytes.
  static func loadCatalog(_ stage: CatalogStage, memo: inout BuildMemo?) async -> LoadedCatalog {
    guard memo != nil else { return await stage.load() }
    let stored = memo?.table(catalogTable) ?? CacheTable(name: catalogTable)
    let loaded = await stage.load(memo: stored)
    memo?.save(catalogTable, entries: loaded.memoEntries, unchangedFrom: stored)
    return loaded
  }
}

extension SiteBuilder {
  /// The scorecard stage, taking each entity's verdicts from the build cache when it holds them.
  static func scorecards(
    inputs: SiteInputs, options: BuildOptions, catalog: Catalog, facts: EntityFacts, now: Timestamp,
    memo: inout BuildMemo?
  ) async -> ScorecardStage.Output {
    let stored = memo?.table(ScorecardMemo.table)
    let scorecards = await ScorecardStage(
      root: inputs.root, folder: inputs.config.policiesDirectory, catalogSettings: inputs.config.catalog
    ).run(
      catalog: catalog, facts: facts, now: now, allFiles: inputs.files, baselineFolder: options.baseline,
      enforceGates: !options.writesOutput, memo: stored)
    if let stored { memo?.save(ScorecardMemo.table, entries: scorecards.memoEntries, unchangedFrom: stored) }
    return scorecards
  }
}

extension SiteBuilder {
  /// The guardrail stage, taking its whole output from the build cache when the results files
  /// and the catalog as the mapping reads it (`catalogKey`, less descriptions) are unchanged.
  static func guardrails(inputs: SiteInputs, catalog: Catalog, catalogKey: MemoKey?, memo: inout BuildMemo?) async
    -> GuardrailStage.Output
  {
    let stage = GuardrailStage(inputs: inputs, catalog: catalog)
    guard memo != nil, let catalogKey else { return await stage.run() }
    let stored = memo?.table(GuardrailStage.memoTable) ?? CacheTable(name: GuardrailStage.memoTable)
    let (output, entries) = await stage.run(memo: stored, catalogKey: catalogKey)
    memo?.save(GuardrailStage.memoTable, entries: entries, unchangedFrom: stored)
    return output
  }
}

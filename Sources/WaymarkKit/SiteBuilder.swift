import WaymarkCatalog
import WaymarkDelivery
import WaymarkDocs
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing
import WaymarkScorecards
import WaymarkSecrets

/// Runs the pipeline: inputs, catalog, events, metrics, guardrails, docs, scorecards, secrets,
/// render, publish — each stage a value passed to the next.
///
/// Content problems are collected from every stage and never thrown; only environment failures
/// (an unwritable output folder) throw. With any error collected nothing is published and the
/// previous output stays as it was.
public struct SiteBuilder: Sendable {
  /// Creates a builder.
  public init() {}

  /// Builds (and, unless checking, publishes) the site described by `options`.
  public func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildResult {
    var clock = StageClock(progress: options.progress)
    let inputs = SiteInputsLoader(
      root: options.root, output: options.output, baseURL: options.baseURL, previewOutput: options.previewOutput,
      cache: options.cache.namedFolder
    ).load()
    if let usage = inputs.usageFailure { throw BuildFailure(usage, isUsage: true) }
    var memo = BuildMemo(options: options, inputs: inputs)
    if let kept = await Self.keptOutput(options, inputs: inputs, memo: &memo, clock: &clock) { return kept }
    let (stages, startedMemo) = try await runStages(options, inputs: inputs, memo: memo, clock: &clock)
    memo = startedMemo
    HeapTrim.returnFreeMemory()
    var result: BuildResult
    do {
      result = try await Self.renderAndPublish(stages, options: options, clock: &clock, memo: &memo)
    } catch {
      await memo?.finishWrites()
      throw error
    }
    memo?.finish()
    await memo?.finishWrites()
    result.warnings = memo?.warnings ?? []
    if options.keepsDocsPreview, result.published {
      result.docsPreview = DocsPagePreview(stages: stages, output: stages.inputs.output)
    }
    return result
  }

  /// Every stage up to rendering; what they read and made that rendering does not need is let go
  /// when this returns.
  private func runStages(
    _ options: BuildOptions, inputs: SiteInputs, memo startedMemo: BuildMemo?, clock: inout StageClock
  ) async throws(BuildFailure) -> (BuiltStages, BuildMemo?) {
    var memo = startedMemo
    let catalogStage = CatalogStage(inputs: inputs)
    let loaded = await Self.loadCatalog(catalogStage, memo: &memo)
    clock.lap("load", "\(loaded.documents.count) documents from \(loaded.files.count) catalog files")
    let catalog = catalogStage.assemble(loaded)
    clock.lap("model", "\(catalog.catalog.entities.count) entities, \(catalog.relationCount) relations")
    let deliveryStage = DeliveryStage(inputs: inputs, strict: options.strict)
    var loadedEvents = await Self.loadEvents(deliveryStage, root: inputs.root, memo: &memo)
    clock.lap("events", Self.eventsSummary(loadedEvents.result))
    // The build's "now" comes from the inputs, never the wall clock.
    let (now, nowSource) = BuildClock.now(
      option: options.asOf, config: inputs.config, commitTime: { GitCommitClock(root: inputs.root).headCommitTime() },
      newestInput: loadedEvents.result.newest)
    let (delivery, metricsKey) = await Self.metrics(
      deliveryStage, events: &loadedEvents, catalog: catalog.catalog, now: now, memo: &memo)
    // The metrics hold what the pages show: the events (millions at scale) go before the policy
    // results and docs are read, so the two are never held at once.
    let events = loadedEvents.result.droppingRecords()
    loadedEvents.result = events
    HeapTrim.returnFreeMemory()
    clock.lap("metrics", DeliveryStage.summary(of: delivery))
    // What the mapping of results and the entity pages read of the catalog; keyed once.
    let lessDescriptions = memo.map { _ in Self.lessDescriptionsKey(catalog.catalog) }
    let guardrails = await Self.guardrails(
      inputs: inputs, catalog: catalog.catalog, catalogKey: lessDescriptions, memo: &memo)
    clock.lap("policy", guardrails.summary)
    let docs = await Self.docs(inputs: inputs, catalog: catalog.catalog, memo: &memo)
    clock.lap("docs", "\(docs.pageCount) pages in \(docs.sites.count) docs sites")
    // Independent of the facts and the scorecards: found on another core meanwhile.
    async let placement = inputs.placementDiagnostics(catalog: catalog.catalog, docs: docs)
    let facts = Self.facts(catalog: catalog.catalog, docs: docs, delivery: delivery, guardrails: guardrails.results)
    let scorecards = await Self.scorecards(
      inputs: inputs, options: options, catalog: catalog.catalog, facts: facts, now: now, memo: &memo)
    clock.lap("evaluate", scorecards.summary)
    let secrets = await Self.secrets(
      SecretGuard(catalog: catalog.catalog, documents: loaded.documents, docs: docs),
      files: [inputs.configFile].compactMap { $0 } + loaded.files + scorecards.files + docs.files + guardrails.files,
      memo: &memo)
    clock.lap("secrets", secrets.summary)
    var stages = BuiltStages(
      inputs: inputs, catalog: catalog, guardrails: guardrails, deliveryStage: deliveryStage, events: events,
      docs: docs, placement: await placement, delivery: delivery, scorecards: scorecards, secrets: secrets, now: now,
      nowSource: nowSource)
    if let configuration = memo?.configuration, let lessDescriptions {
      stages.inputKeys = Self.inputKeys(
        catalog: catalog, guardrails: guardrails, events: loadedEvents, deliveryStage: deliveryStage,
        metricsKey: metricsKey, scorecards: scorecards, configuration: configuration, lessDescriptions: lessDescriptions
      )
    }
    return (stages.releasingInputBytes(), memo)
  }
}

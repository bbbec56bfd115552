import WaymarkCatalog
import WaymarkDelivery
import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkScorecards

extension SiteBuilder {
  /// The keys of what the stages produced (`RenderInputKeys`), when every one is known: the
  /// build keeps a cache, the scorecards ran without a baseline, and the metrics and events,
  /// when the site has them, were keyed.
  static func inputKeys(
    catalog: CatalogStage.Output, guardrails: GuardrailStage.Output, events: LoadedEvents, deliveryStage: DeliveryStage,
    metricsKey: MemoKey?, scorecards: ScorecardStage.Output, configuration: MemoKey, lessDescriptions: MemoKey
  ) -> RenderInputKeys? {
    guard let scorecardsKey = scorecards.outcomeKey else { return nil }
    if deliveryStage.hasInputs, metricsKey == nil || events.key == nil { return nil }
    // Each catalog file is hashed once, for the catalog's key and for its entities' pages.
    var files: [String: MemoKey] = [:]
    var hasher = MemoHasher("catalog-input")
    for file in catalog.loaded.files {
      let digest = MemoKey.digest(of: file.bytes)
      files[file.path] = digest
      hasher.add(file.path)
      hasher.add(digest)
    }
    let catalogKey = hasher.finish()
    let results = resultsKey(guardrails)
    var keys = RenderInputKeys(
      configuration: configuration, catalog: catalogKey, scorecards: scorecardsKey,
      delivery: deliveryStage.hasInputs ? metricsKey : nil,
      guardrails: guardrailsKey(catalog: catalogKey, results: results),
      events: deliveryStage.hasInputs ? events.key : nil)
    keys.catalogLessDescriptions = lessDescriptions
    keys.guardrailsLessDescriptions = guardrailsKey(catalog: lessDescriptions, results: results)
    keys.catalogFiles = files
    return keys
  }

  /// The key of `catalog` less every entity's description (see `RenderInputKeys`).
  static func lessDescriptionsKey(_ catalog: Catalog) -> MemoKey {
    var hasher = MemoHasher("catalog-less-descriptions")
    // Every entity's reference, place and document less the description make the relations and
    // the entities referred to outside the repository.
    hasher.add(catalog, leavingOutMetadata: ["description"])
    return hasher.finish()
  }

  /// The key of the guardrail results' files (paths and bytes), hashed once per build.
  private static func resultsKey(_ guardrails: GuardrailStage.Output) -> MemoKey {
    var hasher = MemoHasher("guardrails-files")
    for file in guardrails.files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      hasher.add(file.path)
      hasher.add(MemoKey.digest(of: file.bytes))
    }
    return hasher.finish()
  }

  /// The key of the guardrail results: their files (`results`) and the catalog (`catalog`) they
  /// map to.
  private static func guardrailsKey(catalog: MemoKey, results: MemoKey) -> MemoKey {
    var hasher = MemoHasher("guardrails-input")
    hasher.add(catalog)
    hasher.add(results)
    return hasher.finish()
  }
}

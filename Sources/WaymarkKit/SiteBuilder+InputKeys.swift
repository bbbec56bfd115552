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
    metricsKey: MemoKey?, scorecards: ScorecardStage.Output, configuration: MemoKey
  ) -> RenderInputKeys? {
    guard let scorecardsKey = scorecards.outcomeKey else { return nil }
    if deliveryStage.hasInputs, metricsKey == nil || events.key == nil { return nil }
    var hasher = MemoHasher("catalog-input")
    for file in catalog.loaded.files {
      hasher.add(file.path)
      hasher.add(MemoKey.digest(of: file.bytes))
    }
    let catalogKey = hasher.finish()
    hasher = MemoHasher("guardrails-input")
    hasher.add(catalogKey)
    for file in guardrails.files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      hasher.add(file.path)
      hasher.add(MemoKey.digest(of: file.bytes))
    }
    return RenderInputKeys(
      configuration: configuration, catalog: catalogKey, scorecards: scorecardsKey,
      delivery: deliveryStage.hasInputs ? metricsKey : nil,
      guardrails: hasher.finish(), events: deliveryStage.hasInputs ? events.key : nil)
  }
}

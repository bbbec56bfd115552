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
    let lessDescriptions = catalogKeyLessDescriptions(catalog.catalog)
    var files: [String: MemoKey] = [:]
    for file in catalog.loaded.files { files[file.path] = MemoKey.digest(of: file.bytes) }
    var keys = RenderInputKeys(
      configuration: configuration, catalog: catalogKey, scorecards: scorecardsKey,
      delivery: deliveryStage.hasInputs ? metricsKey : nil,
      guardrails: guardrailsKey(catalog: catalogKey, guardrails), events: deliveryStage.hasInputs ? events.key : nil)
    keys.catalogLessDescriptions = lessDescriptions
    keys.guardrailsLessDescriptions = guardrailsKey(catalog: lessDescriptions, guardrails)
    keys.catalogFiles = files
    return keys
  }

  /// The key of the guardrail results: the results files and the catalog (`catalog`) they map to.
  private static func guardrailsKey(catalog: MemoKey, _ guardrails: GuardrailStage.Output) -> MemoKey {
    var hasher = MemoHasher("guardrails-input")
    hasher.add(catalog)
    for file in guardrails.files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      hasher.add(file.path)
      hasher.add(MemoKey.digest(of: file.bytes))
    }
    return hasher.finish()
  }

  /// The key of the catalog less every entity's `metadata.description` (`RenderInputKeys.catalogLessDescriptions`):
  /// every entity's reference, where it is written (and the fetched file's digest) and its
  /// document less the description, which with the settings make the relations and the
  /// entities referred to outside the repository.
  private static func catalogKeyLessDescriptions(_ catalog: Catalog) -> MemoKey {
    var hasher = MemoHasher("catalog-less-descriptions")
    hasher.add(catalog.entities.count)
    for entity in catalog.entities {
      hasher.add(entity.ref.canonical)
      hasher.add(entity.source.path)
      hasher.add(entity.source.line)
      hasher.add(entity.source.fetchedSHA256)
      var document = entity.document
      if case .object(var members) = document, case .object(var metadata)? = members["metadata"] {
        metadata["description"] = nil
        members["metadata"] = .object(metadata)
        document = .object(members)
      }
      hasher.add(document)
    }
    return hasher.finish()
  }
}

import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkDelivery
import WaymarkDocs
import WaymarkGuardrails
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkScorecards

/// Times one later stage of a build over a site root: docs, events (ingest + DORA metrics),
/// policy results (ingest + mapping) or scorecard evaluation. What the stage needs (the config,
/// the catalog, and for scorecards the other stages' facts) is prepared first, untimed.
struct PipelineStageProbe: Sendable {
  /// The stage: `docs`, `events`, `policy` or `scorecards`.
  var stage: String
  /// The site root.
  var root: URL

  static let stages = ["docs", "events", "policy", "scorecards"]

  func run() async -> ProbeReport {
    // The same stages as `SiteBuilder.build`, with the same inputs and defaults; what a stage
    // needs from earlier ones is prepared first, untimed.
    let inputs = SiteInputsLoader(root: root).load()
    let catalogStage = CatalogStage(inputs: inputs)
    let catalog = catalogStage.assemble(await catalogStage.load()).catalog
    let deliveryStage = DeliveryStage(inputs: inputs, strict: false)
    let clock = ContinuousClock()
    switch stage {
    case "docs":
      let start = clock.now
      let docs = await DocsStage(inputs: inputs, catalog: catalog).run()
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: ["sites": .int(Int64(docs.sites.count)), "pages": .int(Int64(docs.pageCount))])
    case "events":
      let start = clock.now
      let events = await deliveryStage.load()
      let now = BuildClock.now(option: nil, config: inputs.config, newestInput: events.newest).0
      let metrics = await deliveryStage.evaluate(events, catalog: catalog, now: now)
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: [
          "events": .int(Int64(events.events.count)), "components": .int(Int64(metrics?.entities.count ?? 0)),
        ])
    case "policy":
      // The ingest, as the build's `policy` line times it: read + parse + map to entities.
      let start = clock.now
      let startCPU = EvaluationTiming.processCPUSeconds()
      let guardrails = await GuardrailStage(inputs: inputs, catalog: catalog).run()
      let cpuSeconds = EvaluationTiming.processCPUSeconds() - startCPU
      let seconds = (clock.now - start).seconds
      let bytes = guardrails.files.reduce(0) { $0 + $1.bytes.count }
      return ProbeReport(
        stage: stage, seconds: seconds,
        fields: [
          "cpuSeconds": .double(cpuSeconds), "files": .int(Int64(guardrails.files.count)), "bytes": .int(Int64(bytes)),
          "findings": .int(Int64(guardrails.resultCount)),
          "entities": .int(Int64(guardrails.results.findingsByEntity.count)),
          "unmapped": .int(Int64(guardrails.results.unmapped.count)),
        ])
    default:
      let docs = await DocsStage(inputs: inputs, catalog: catalog).run()
      let events = await deliveryStage.load()
      let now = BuildClock.now(option: nil, config: inputs.config, newestInput: events.newest).0
      let metrics = await deliveryStage.evaluate(events, catalog: catalog, now: now)
      let guardrails = await GuardrailStage(inputs: inputs, catalog: catalog).run()
      let facts = SiteBuilder.facts(catalog: catalog, docs: docs, delivery: metrics, guardrails: guardrails.results)
      let start = clock.now
      let outcome = await ScorecardStage(
        root: inputs.root, folder: inputs.config.policiesDirectory, catalogSettings: inputs.config.catalog
      ).run(
        catalog: catalog, facts: facts, now: now, allFiles: inputs.files, baselineFolder: nil, enforceGates: false
      ).outcome
      let checkResults = outcome.reports.reduce(0) { $0 + $1.results.count * $1.scorecard.checks.count }
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: ["scorecards": .int(Int64(outcome.reports.count)), "checkResults": .int(Int64(checkResults))])
    }
  }
}

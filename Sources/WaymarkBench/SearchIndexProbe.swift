import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkDelivery
import WaymarkDocs
import WaymarkGuardrails
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkRendering
import WaymarkScorecards

/// Times the search indexes on their own: the full-text index under `search/v2/` (what
/// `search.js` reads) and the older title index, each from the render stage's input, which is
/// prepared first, untimed, as `waymark build` makes it.
struct SearchIndexProbe: Sendable {
  /// The site root.
  var root: URL

  func run() async -> ProbeReport {
    let input = await renderInput()
    let clock = ContinuousClock()
    var fields: [String: JSONValue] = [:]
    let start = clock.now
    let fullText = measure { FullTextIndexWriter().files(for: SearchCatalogue(input: input).entries()) }
    fields["fullText"] = fullText.fields
    let titles = measure { SearchIndexWriter().files(for: SearchCatalogue(input: input).documents()) }
    fields["titles"] = titles.fields
    return ProbeReport(stage: "search", seconds: (clock.now - start).seconds, fields: fields)
  }

  /// Wall and CPU seconds of one index's files, with their count and bytes.
  struct IndexTiming {
    var seconds: Double
    var cpuSeconds: Double
    var files: [OutputFile]

    var fields: JSONValue {
      [
        "seconds": .double(seconds), "cpuSeconds": .double(cpuSeconds), "files": .int(Int64(files.count)),
        "bytes": .int(Int64(files.reduce(0) { $0 + $1.bytes.count })),
      ]
    }
  }

  private func measure(_ make: () -> [OutputFile]) -> IndexTiming {
    let clock = ContinuousClock()
    let startCPU = EvaluationTiming.processCPUSeconds()
    let start = clock.now
    let files = make()
    return IndexTiming(
      seconds: (clock.now - start).seconds, cpuSeconds: EvaluationTiming.processCPUSeconds() - startCPU, files: files)
  }

  /// The render stage's input, with the default layouts: the stages in `SiteBuilder.build`'s order.
  private func renderInput() async -> RenderInput {
    let inputs = SiteInputsLoader(root: root).load()
    let catalogStage = CatalogStage(inputs: inputs)
    let catalog = catalogStage.assemble(await catalogStage.load()).catalog
    let deliveryStage = DeliveryStage(inputs: inputs, strict: false)
    let docs = await DocsStage(inputs: inputs, catalog: catalog).run()
    let events = await deliveryStage.load()
    let now = BuildClock.now(option: nil, config: inputs.config, newestInput: events.newest).0
    let metrics = await deliveryStage.evaluate(events, catalog: catalog, now: now)
    let guardrails = await GuardrailStage(inputs: inputs, catalog: catalog).run()
    let facts = SiteBuilder.facts(catalog: catalog, docs: docs, delivery: metrics, guardrails: guardrails.results)
    let outcome = await ScorecardStage(
      root: inputs.root, folder: inputs.config.policiesDirectory, catalogSettings: inputs.config.catalog
    ).run(
      catalog: catalog, facts: facts, now: now, allFiles: inputs.files, baselineFolder: nil, enforceGates: false
    ).outcome
    let layouts = LayoutSet.load(site: [String: [UInt8]](), displayPath: inputs.config.layoutsDirectory).0
    var input = RenderInput(
      config: inputs.config, catalog: catalog, layouts: layouts, now: now, scorecards: outcome, delivery: metrics)
    input.docs = docs
    input.guardrails = guardrails.results
    return input
  }
}

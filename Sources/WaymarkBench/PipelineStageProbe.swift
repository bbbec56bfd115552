import Foundation
import StructuredData
import WaymarkKit

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
    let (config, _, _) = SiteConfigLoader().load(root: root)
    let finder = InputFinder(root: root, excludedFolders: [config.outputDirectory])
    let files = finder.allFiles()
    let loaded = await CatalogLoader(root: root).load(paths: finder.files(matching: config.catalogGlobs, in: files))
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let now = Timestamp(iso8601: "2025-06-30T00:00:00Z") ?? .epoch
    let clock = ContinuousClock()
    switch stage {
    case "docs":
      let start = clock.now
      let docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: files)
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: ["sites": .int(Int64(docs.sites.count)), "pages": .int(Int64(docs.pageCount))])
    case "events":
      let start = clock.now
      let events = await EventLoader(root: root).load(paths: finder.files(matching: config.eventGlobs, in: files))
      let metrics = await DORAEvaluator(settings: config.metrics, now: now).evaluate(events.events, catalog: catalog)
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: ["events": .int(Int64(events.events.count)), "components": .int(Int64(metrics.entities.count))])
    case "policy":
      // The ingest, as the build's `policy` line times it: read + parse + map to entities.
      let start = clock.now
      let startCPU = EvaluationTiming.processCPUSeconds()
      async let mapper = PolicyResultMapper(catalog: catalog)
      var results = await PolicyResultLoader(root: root).load(paths: finder.files(matching: config.policyResultGlobs, in: files))
      let findings = results.parsed.reduce(0) { $0 + $1.findings.count }
      let (policy, _) = await mapper.map(results.takeParsed())
      let cpuSeconds = EvaluationTiming.processCPUSeconds() - startCPU
      let seconds = (clock.now - start).seconds
      let bytes = results.files.reduce(0) { $0 + $1.bytes.count }
      return ProbeReport(
        stage: stage, seconds: seconds,
        fields: [
          "cpuSeconds": .double(cpuSeconds), "files": .int(Int64(results.files.count)), "bytes": .int(Int64(bytes)),
          "findings": .int(Int64(findings)), "entities": .int(Int64(policy.findingsByEntity.count)),
          "unmapped": .int(Int64(policy.unmapped.count)),
        ])
    default:
      let docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: files)
      let events = await EventLoader(root: root).load(paths: finder.files(matching: config.eventGlobs, in: files))
      let metrics = await DORAEvaluator(settings: config.metrics, now: now).evaluate(events.events, catalog: catalog)
      let results = await PolicyResultLoader(root: root).load(paths: finder.files(matching: config.policyResultGlobs, in: files))
      let (policy, _) = PolicyResultMapper(catalog: catalog).map(results.parsed)
      let facts = SiteBuilder.facts(catalog: catalog, docs: docs, delivery: metrics, policy: policy)
      let start = clock.now
      let (outcome, _, _) = await ScorecardStage(root: root, folder: config.policiesDirectory).run(
        catalog: catalog, facts: facts, now: now, allFiles: files, baselineFolder: nil, enforceGates: false)
      let checkResults = outcome.reports.reduce(0) { $0 + $1.results.count * $1.scorecard.checks.count }
      return ProbeReport(
        stage: stage, seconds: (clock.now - start).seconds,
        fields: ["scorecards": .int(Int64(outcome.reports.count)), "checkResults": .int(Int64(checkResults))])
    }
  }
}

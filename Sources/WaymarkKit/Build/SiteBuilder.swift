import Foundation
import StructuredData

/// Runs the pipeline: Load → Model → Evaluate → Render → Publish.
///
/// Reads top to bottom like a script. Content problems are collected from every stage and never
/// thrown; only environment failures (an unwritable output folder) throw. With any error
/// collected nothing is published and the previous output stays as it was.
public struct SiteBuilder: Sendable {
  /// Creates a builder.
  public init() {}

  /// Builds (and, unless checking, publishes) the site described by `options`.
  public func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildResult {
    let root = options.root.standardizedFileURL
    var clock = StageClock()
    var diagnostics: [Diagnostic] = []

    // Load
    let (loadedConfig, configFile, configDiagnostics) = SiteConfigLoader().load(root: root)
    diagnostics += configDiagnostics
    var config = loadedConfig
    if let baseURL = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(baseURL) }
    let output = options.output?.standardizedFileURL ?? root.appendingPathComponent(config.outputDirectory)
    let finder = InputFinder(root: root, excludedFolders: Self.excludedFolders(config: config, root: root, output: output))
    let walk = finder.walk()
    let allFiles = walk.files
    diagnostics += walk.diagnostics(
      matching: config.catalogGlobs + config.eventGlobs + config.policyResultGlobs
        + ["yaml", "yml"].map { "\(config.policiesDirectory)/**/*.\($0)" } + ["\(config.layoutsDirectory)/**/*"])
    let catalogPaths = finder.files(matching: config.catalogGlobs, in: allFiles)
    let loaded = await CatalogLoader(root: root).load(paths: catalogPaths, available: allFiles)
    diagnostics += loaded.diagnostics
    options.progress(clock.lap("load", "\(loaded.documents.count) documents from \(loaded.files.count) catalog files"))

    // Model
    let (catalog, catalogDiagnostics) = CatalogBuilder().build(loaded.documents)
    diagnostics += catalogDiagnostics
    let relationCount = catalog.entities.reduce(0) { $0 + $1.relations.count }
    options.progress(clock.lap("model", "\(catalog.entities.count) entities, \(relationCount) relations"))
    // Policy results: read (while the catalog is indexed for them), then attached to entities;
    // the `policy` line times both (the ingest).
    async let policyMapper = PolicyResultMapper(catalog: catalog)
    var policyFiles = await PolicyResultLoader(root: root).load(paths: finder.files(matching: config.policyResultGlobs, in: allFiles))
    diagnostics += policyFiles.diagnostics
    let policyCount = policyFiles.parsed.reduce(0) { $0 + $1.findings.count }
    let (policy, policyDiagnostics) = await policyMapper.map(policyFiles.takeParsed())
    diagnostics += policyDiagnostics
    options.progress(clock.lap("policy", "\(policyCount) results from \(policyFiles.files.count) policy files, \(policy.unmapped.count) unmapped"))

    // Load: delivery events (streamed; the newest event is the build's "now" when none is given)
    let catalogSet = Set(catalogPaths)
    let eventPaths = finder.files(matching: config.eventGlobs, in: allFiles).filter { !catalogSet.contains($0) }
    let events = await EventLoader(root: root, strict: options.strict).load(paths: eventPaths)
    diagnostics += events.diagnostics
    options.progress(clock.lap("events", "\(events.events.count) events from \(events.files.count) files"))
    // Docs: TechDocs sites found through the entities, rendered and link-checked (facts for scorecards).
    let docs = await DocsSetBuilder(root: root, config: config).build(catalog: catalog, files: allFiles)
    diagnostics += docs.diagnostics
    options.progress(clock.lap("docs", "\(docs.pageCount) pages in \(docs.sites.count) docs sites"))

    // Evaluate: the build's "now" comes from the inputs, never the wall clock.
    let (now, nowSource) = BuildClock.now(option: options.asOf, config: config, newestInput: events.newest)
    let delivery = eventPaths.isEmpty ? nil : await DORAEvaluator(settings: config.metrics, now: now).evaluate(
      events.events, tickets: events.tickets, catalog: catalog)
    options.progress(clock.lap("metrics", "\(delivery?.entities.count ?? 0) components, \(delivery?.unmapped.count ?? 0) unmapped subjects"))
    let facts = Self.facts(catalog: catalog, docs: docs, delivery: delivery, policy: policy)
    let (scorecards, scorecardFiles, scorecardDiagnostics) = await ScorecardStage(root: root, folder: config.policiesDirectory).run(
      catalog: catalog, facts: facts, now: now, allFiles: allFiles, baselineFolder: options.baseline,
      enforceGates: !options.writesOutput)
    diagnostics += scorecardDiagnostics
    options.progress(clock.lap("evaluate", "\(scorecards.reports.count) scorecards, \(scorecards.waivers.count) waivers"))
    // Secrets: a credential in any input is an error, so nothing is published (events are scanned as they stream).
    let secrets = await SecretGuard(catalog: catalog, documents: loaded.documents, docs: docs).check(
      [configFile].compactMap { $0 } + loaded.files + scorecardFiles + docs.files + policyFiles.files)
    diagnostics += secrets.diagnostics
    options.progress(clock.lap("secrets", secrets.summary))

    // Render
    let layoutsFolder = root.appendingPathComponent(config.layoutsDirectory)
    let hasSiteLayouts = FileManager.default.fileExists(atPath: layoutsFolder.path)
    let (layouts, layoutDiagnostics) = LayoutSet.load(
      siteLayouts: hasSiteLayouts ? layoutsFolder : nil, displayPath: config.layoutsDirectory)
    diagnostics += layoutDiagnostics
    var renderInput = RenderInput(config: config, catalog: catalog, layouts: layouts, now: now, scorecards: scorecards, delivery: delivery)
    renderInput.docs = docs
    renderInput.policy = policy
    if !eventPaths.isEmpty { renderInput.eventCounts = events.counts }
    var rendered = await SiteRenderer().render(renderInput)
    diagnostics += rendered.diagnostics
    diagnostics += layouts.unusedSiteLayouts(chosen: rendered.chosenLayouts, displayPath: config.layoutsDirectory)
    // Secrets written with escapes or as file names only show once decoded: scan what would be published.
    diagnostics += SecretGuard.outputDiagnostics(
      for: rendered.files, after: secrets, outputFolder: config.outputDirectory)
    let list = DiagnosticList(SecretGuard.redacting(diagnostics))
    var manifest = BuildManifest(
      now: now, nowSource: nowSource,
      inputs: [configFile].compactMap { $0.map { BuildManifest.Input(file: $0, stage: "config") } }
        + loaded.files.map { BuildManifest.Input(file: $0, stage: "catalog") }
        + scorecardFiles.map { BuildManifest.Input(file: $0, stage: "policies") }
        + events.files.map { BuildManifest.Input(path: $0.path, sha256: $0.sha256, byteCount: $0.byteCount, stage: "events") }
        + docs.files.map { BuildManifest.Input(file: $0, stage: "docs") }
        + policyFiles.files.map { BuildManifest.Input(file: $0, stage: "policy") },
      counts: [
        "load": ["catalogFiles": .int(Int64(loaded.files.count)), "documents": .int(Int64(loaded.documents.count))],
        "model": ["entities": .int(Int64(catalog.entities.count)), "relations": .int(Int64(relationCount))],
        "docs": [
          "sites": .int(Int64(docs.sites.count)), "pages": .int(Int64(docs.pageCount)),
          "assetsLeftOut": .int(Int64(docs.diagnostics.filter { $0.code == "docs.unsafe-asset" }.count)),
        ],
        "evaluate": [
          "scorecards": .int(Int64(scorecards.reports.count)), "waivers": .int(Int64(scorecards.waivers.count)),
          "results": .int(Int64(scorecards.reports.reduce(0) { $0 + $1.results.count })),
        ],
        "render": ["files": .int(Int64(rendered.files.count + 1))],
      ],
      diagnostics: list)
    if !eventPaths.isEmpty { manifest.counts["events"] = events.counts }
    rendered.files.append(OutputFile(path: "api/build.json", text: JSONWriter().string(for: manifest.value)))
    rendered.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    options.progress(clock.lap("render", "\(rendered.files.count) files"))

    // Publish
    guard options.writesOutput, !list.hasErrors else {
      return BuildResult(
        diagnostics: list, files: rendered.files, published: false, output: output.path, scorecards: scorecards, now: now)
    }
    do {
      try SiteWriter(output: output).publish(rendered.files)
    } catch {
      throw BuildFailure(error.description)
    }
    options.progress(clock.lap("publish", "\(rendered.files.count) files to \(output.path)"))
    return BuildResult(diagnostics: list, files: rendered.files, published: true, output: output.path, scorecards: scorecards, now: now)
  }

  /// Root-relative folders the input walk must not enter: the output and its staging folders.
  static func excludedFolders(config: SiteConfig, root: URL, output: URL) -> Set<String> {
    var excluded: Set<String> = [config.outputDirectory]
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    if output.path.hasPrefix(rootPath) {
      excluded.insert(String(output.path.dropFirst(rootPath.count)))
    }
    return excluded
  }
}

import StructuredData
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing
import WaymarkRendering
import WaymarkSecrets

extension SiteBuilder {
  /// Renders the site from the stages' outputs into `staged` (when publishing) as it goes,
  /// scanning every file for credentials on the way, and makes `api/build.json`, whose counts
  /// come from the stages (written by `build` once the site is known to be publishable).
  ///
  /// With `previous` (the output as the build cache recorded it), files and pages it still
  /// holds are linked from it, and the site's records are returned for the next build.
  package static func render(
    _ stages: BuiltStages, into staged: StagedSite?, keepsFiles: Bool, compilesBuiltInLayouts: Bool = true,
    previous: PreviousOutput? = nil, search: CacheTable? = nil
  ) async throws(SiteWriter.Failure) -> PublishableSite {
    let config = stages.inputs.config
    var (layouts, layoutDiagnostics) = LayoutSet.load(
      site: LayoutFolderReader(inputs: stages.inputs).read(), displayPath: config.layoutsDirectory)
    layouts.compilesBuiltInLayouts = compilesBuiltInLayouts
    var input = renderInput(stages, layouts: layouts)
    input.inputKeys = stages.inputKeys
    input.searchMemo = search.map(SearchMemo.init)
    // Secrets written with escapes or as file names only show once decoded: scan what would be published.
    let scan = RenderedSecretScan(judged: stages.secrets.judged, outputFolder: config.outputDirectory)
    let rendered = try await SiteRenderer().render(
      input, into: PublishingSink(staged: staged, scan: scan, keepsFiles: keepsFiles, previous: previous))
    let diagnostics =
      stages.diagnostics + layoutDiagnostics + rendered.diagnostics
      + layouts.unusedSiteLayouts(chosen: rendered.chosenLayouts, displayPath: config.layoutsDirectory)
      + scan.diagnostics(from: rendered.receipts.flatMap(\.findings))
    let (kept, silenced) = config.diagnostics.filter(SecretGuard.redacting(diagnostics))
    let list = DiagnosticList(kept)
    var manifest = manifest(stages, renderedFiles: rendered.fileCount + 1, diagnostics: list)
    manifest.silenced = silenced
    let manifestFile = OutputFile(path: "api/build.json", bytes: JSONWriter().bytes(for: manifest.value))
    var files: [OutputFile] = []
    if keepsFiles {
      files = rendered.receipts.flatMap(\.files) + [manifestFile]
      files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
    return PublishableSite(
      files: files, fileCount: rendered.fileCount + 1, manifest: manifestFile, diagnostics: list, silenced: silenced,
      records: rendered.receipts.flatMap(\.records), searchEntries: rendered.memoEntries)
  }

  /// What the renderer is given of the stages' outputs.
  package static func renderInput(_ stages: BuiltStages, layouts: LayoutSet) -> RenderInput {
    var input = RenderInput(
      config: stages.inputs.config, catalog: stages.catalog.catalog, layouts: layouts, now: stages.now,
      scorecards: stages.scorecards.outcome, delivery: stages.delivery)
    input.docs = stages.docs
    input.guardrails = stages.guardrails.results
    if stages.hasEvents { input.eventCounts = stages.events.counts }
    return input
  }

  /// `api/build.json`: every input with its hash, and each stage's counts.
  package static func manifest(_ stages: BuiltStages, renderedFiles: Int, diagnostics: DiagnosticList) -> BuildManifest
  {
    let loaded = stages.catalog.loaded
    let outcome = stages.scorecards.outcome
    var manifest = BuildManifest(
      now: stages.now, nowSource: stages.nowSource,
      inputs: stages.manifestInputs,
      counts: [
        "load": ["catalogFiles": .int(Int64(loaded.files.count)), "documents": .int(Int64(loaded.documents.count))],
        "model": [
          "entities": .int(Int64(stages.catalog.catalog.entities.count)),
          "relations": .int(Int64(stages.catalog.relationCount)),
        ],
        "docs": [
          "sites": .int(Int64(stages.docs.sites.count)), "pages": .int(Int64(stages.docs.pageCount)),
          "assetsLeftOut": .int(Int64(stages.docs.diagnostics.filter { $0.code == .docsUnsafeAsset }.count)),
        ],
        "evaluate": [
          "scorecards": .int(Int64(outcome.reports.count)), "waivers": .int(Int64(outcome.waivers.count)),
          "results": .int(Int64(outcome.reports.reduce(0) { $0 + $1.results.count })),
        ],
        "render": ["files": .int(Int64(renderedFiles))],
      ],
      diagnostics: diagnostics)
    if stages.hasEvents { manifest.counts["events"] = stages.events.counts }
    return manifest
  }
}

import WaymarkModel
import WaymarkPublishing
import WaymarkRendering

extension SiteBuilder {
  /// Renders the site and, when the build writes output, publishes it: files stream into the
  /// staging folder as they render (only when no stage has collected an error), and it replaces
  /// the output once the whole site, what rendering found included (a secret in the output), has
  /// no error; otherwise it is removed and the previous output stays as it was.
  ///
  /// With a build cache, files the previous output still holds unchanged are linked from it
  /// (see `PublishingSink`), and the published site's records are saved for the next build.
  static func renderAndPublish(
    _ stages: BuiltStages, options: BuildOptions, clock: inout StageClock, memo: inout BuildMemo?
  ) async throws(BuildFailure) -> BuildResult {
    let publishes =
      options.writesOutput && (options.publishesWithErrors || !DiagnosticList(stages.diagnostics).hasErrors)
    let staged: StagedSite?
    do {
      let spare = memo?.spareFolder(for: stages.inputs.output)
      staged = try publishes ? SiteWriter(output: stages.inputs.output).stage(spare: spare) : nil
    } catch {
      throw BuildFailure(error.description)
    }
    let previous = publishes ? memo?.previousOutput(stages.inputs.output) : nil
    let search = memo?.table(SearchMemo.table)
    let site: PublishableSite
    do {
      site = try await render(
        stages, into: staged, keepsFiles: options.keepsFiles, compilesBuiltInLayouts: options.compilesBuiltInLayouts,
        previous: previous, search: search)
    } catch {
      staged?.discard()
      throw BuildFailure(error.description)
    }
    clock.lap("render", "\(site.fileCount) files")
    if let search { memo?.save(SearchMemo.table, entries: site.searchEntries, unchangedFrom: search) }
    guard let staged, options.publishesWithErrors || !site.diagnostics.hasErrors else {
      staged?.discard()
      return stages.result(site, published: false)
    }
    var records = site.records
    if staged.spare != nil { staged.keepOnly(Set(records.map(\.path) + [site.manifest.path])) }
    do {
      if previous != nil {
        let manifest = site.manifest
        records.append(
          try staged.writeRecorded(
            manifest.bytes, at: manifest.path, source: nil, digest: MemoKey.digest(of: manifest.bytes),
            isClean: false))
      } else {
        try staged.write([site.manifest])
      }
      try staged.commit()
    } catch {
      staged.discard()
      throw BuildFailure(error.description)
    }
    clock.lap("publish", "\(site.fileCount) files to \(stages.inputs.output.path)")
    var result = stages.result(site, published: true)
    if let previous {
      memo?.savePublished(records)
      if let built = memo {
        memo?.savePublishedBuild(
          options.skipsUnchangedBuild ? publishedBuild(stages, site: site, records: records, memo: built) : nil)
      }
      // Only `serve` asks which files changed (to reload open pages only when they must).
      if options.keepsDocsPreview { result.changedFiles = changedFiles(records, previous: previous) }
    }
    return result
  }

  /// The files whose bytes differ from those `previous` recorded at the same path, each with
  /// its digest, and those it recorded that are gone (with none).
  static func changedFiles(_ records: [OutputRecord], previous: PreviousOutput) -> [String: MemoKey?] {
    var changed: [String: MemoKey?] = [:]
    for record in records where previous.records[record.path]?.digest != record.digest {
      changed[record.path] = record.digest
    }
    let published = Set(records.map(\.path))
    for path in previous.records.keys where !published.contains(path) { changed[path] = .some(nil) }
    return changed
  }
}

import StructuredData
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing

extension SiteBuilder {
  /// The last published build's result when nothing it depends on changed (see
  /// `unchangedBuild`), reported as a stage line; nil when the build must run.
  static func keptOutput(
    _ options: BuildOptions, inputs: SiteInputs, memo: inout BuildMemo?, clock: inout StageClock
  ) async -> BuildResult? {
    guard options.skipsUnchangedBuild, var checked = memo else { return nil }
    checked.readLastPublished()
    defer { memo = checked }
    guard let kept = await unchangedBuild(options, inputs: inputs, memo: &checked) else { return nil }
    await checked.finishWrites()
    var result = kept.result
    result.warnings = checked.warnings
    clock.lap(
      "unchanged",
      "\(kept.published.inputs.entries.count) input files as the last build read them; "
        + "its \(result.fileCount) files kept in \(result.output)")
    return result
  }

  /// The last published build's result, when the build may keep its output (see
  /// `BuildOptions.skipsUnchangedBuild`) and nothing that output depends on changed since: the
  /// settings and options (the cache's configuration key), every file of the root's walk and
  /// every file read by name (by `stat`, else by digest), what the walk reported (entries it
  /// skips), the build's "now", the diagram tools, and the output folder itself (exactly the
  /// files that build published, none replaced). Files touched but not changed are recorded anew.
  static func unchangedBuild(
    _ options: BuildOptions, inputs: SiteInputs, memo: inout BuildMemo
  ) async -> (result: BuildResult, published: PublishedBuild)? {
    guard options.skipsUnchangedBuild, !options.keepsFiles, !options.keepsDocsPreview, options.previewOutput == nil,
      options.baseline == nil, inputs.remote.lock.entries.isEmpty,
      var published = memo.lastPublished, published.tools == DiagramToolRunner().fingerprint,
      published.walk == PublishedBuild.walkKey(inputs.diagnostics)
    else { return nil }
    let (now, source) = BuildClock.now(
      option: options.asOf, config: inputs.config, commitTime: { GitCommitClock(root: inputs.root).headCommitTime() },
      newestInput: published.newestInput)
    guard now == published.now, source == published.nowSource,
      case .unchanged(let refreshed) = await published.inputs.compare(root: inputs.root, walked: inputs.files)
    else { return nil }
    let previous = memo.previousOutput(inputs.output)
    guard previous.records[Self.manifestPath]?.digest == published.manifest,
      Self.outputKey(previous.records.values) == published.output, await previous.isWhole()
    else { return nil }
    if let refreshed {
      published.inputs = refreshed
      memo.savePublishedBuild(published)
    }
    var result = BuildResult(
      diagnostics: DiagnosticList(published.diagnostics), files: [], fileCount: published.fileCount, published: false,
      output: inputs.output.path, scorecards: .empty, now: now, silenced: published.silenced)
    result.isUnchanged = true
    return (result, published)
  }

  /// What the next build needs to tell whether it may keep the output just published; nil when
  /// the build read remote inputs or an input can no longer be found.
  static func publishedBuild(
    _ stages: BuiltStages, site: PublishableSite, records: [OutputRecord], memo: BuildMemo
  ) -> PublishedBuild? {
    guard stages.inputs.remote.lock.entries.isEmpty,
      let manifest = records.first(where: { $0.path == Self.manifestPath })?.digest
    else { return nil }
    var digests: [String: MemoKey] = [:]
    for input in stages.manifestInputs { digests[input.path] = MemoKey(hex: input.sha256) }
    guard
      let snapshot = InputSnapshot.take(
        root: stages.inputs.root, walked: stages.inputs.files, named: Array(digests.keys), digests: digests,
        previous: memo.lastPublished?.inputs, horizon: memo.horizon)
    else { return nil }
    return PublishedBuild(
      inputs: snapshot, tools: DiagramToolRunner().fingerprint, walk: PublishedBuild.walkKey(stages.inputs.diagnostics),
      now: stages.now, nowSource: stages.nowSource,
      newestInput: stages.events.newest, manifest: manifest, output: outputKey(records), fileCount: site.fileCount,
      diagnostics: site.diagnostics.items, silenced: site.silenced)
  }

  /// The path of the build's manifest in the output.
  static let manifestPath = "api/build.json"

  /// The key of the output's records: each file's path and digest, whatever their order (the
  /// sum of each record's key, word by word).
  static func outputKey(_ records: some Collection<OutputRecord>) -> MemoKey {
    var sum = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    for record in records {
      var hasher = MemoHasher("published-output")
      hasher.add(record.path)
      hasher.add(record.digest)
      let words = hasher.finish().words
      sum = (sum.0 &+ words.0, sum.1 &+ words.1, sum.2 &+ words.2, sum.3 &+ words.3)
    }
    return MemoKey(sum.0, sum.1, sum.2, sum.3)
  }
}

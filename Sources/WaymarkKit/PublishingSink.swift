import WaymarkModel
import WaymarkPublishing
import WaymarkRendering

/// Where a build's rendered files go as they are rendered: scanned for credentials
/// (`RenderedSecretScan`), written to the staging folder when the build publishes, and kept in
/// memory only when the caller asked for them (`BuildOptions.keepsFiles`).
///
/// With a build cache (`previous` set), every file is recorded for the next build, and a file
/// the previous output holds with the same bytes, or a page rendered from the same key, is
/// hard-linked from it rather than written again (and, being the same bytes at the same path,
/// not scanned again when it was clean).
package struct PublishingSink: OutputSink {
  /// What one batch left behind: its credential findings, its files when kept, and what the
  /// build cache records of them.
  package struct Receipt: Sendable {
    package var findings: [RenderedSecretScan.Finding] = []
    package var files: [OutputFile] = []
    package var records: [OutputRecord] = []
  }

  /// The staging folder, or nil when nothing is to be published.
  package var staged: StagedSite?
  /// The output as the build cache recorded it; nil without a cache.
  package var previous: PreviousOutput?
  package var scan: RenderedSecretScan
  /// `scan`'s judged values, compared once.
  package var judged: Set<String>
  package var keepsFiles: Bool

  /// Creates a sink.
  package init(staged: StagedSite?, scan: RenderedSecretScan, keepsFiles: Bool, previous: PreviousOutput? = nil) {
    self.staged = staged
    self.scan = scan
    self.judged = scan.comparableJudged
    self.keepsFiles = keepsFiles
    self.previous = staged == nil ? nil : previous
  }

  package var keysPages: Bool { previous != nil }

  package func claim(path: String, source: MemoKey) -> Bool {
    guard let staged, let previous, let record = previous.reusable(path: path, source: source) else { return false }
    return staged.link(record, from: previous)
  }

  package func claimGroup(inputs: MemoKey) -> [OutputFile]? {
    guard let staged, let previous, let records = previous.reusableGroup(inputs: inputs) else { return nil }
    // A file linked before one that cannot be is replaced when the group is made and written.
    for record in records where !staged.link(record, from: previous) { return nil }
    return records.map { .claimed(path: $0.path, source: nil, inputs: inputs) }
  }

  package func take(_ files: [OutputFile]) throws(SiteWriter.Failure) -> Receipt {
    guard let previous, let staged else {
      let findings = files.flatMap { scan.findings(in: $0, judged: judged) }
      try staged?.write(files)
      return Receipt(findings: findings, files: keepsFiles ? files : [])
    }
    var receipt = Receipt()
    for file in files {
      if file.isClaimed, var record = previous.records[file.path] {
        record.source = file.source ?? record.source
        record.inputs = file.inputs ?? record.inputs
        receipt.records.append(record)
        if keepsFiles { receipt.files.append(try staged.read(record)) }
        continue
      }
      receipt.records.append(try record(file, into: staged, previous: previous, receipt: &receipt))
      if keepsFiles { receipt.files.append(OutputFile(path: file.path, bytes: file.bytes)) }
    }
    return receipt
  }

  /// Scans `file` (unless the previous output holds the same clean bytes at its path), links or
  /// writes it into `staged`, and returns its record.
  private func record(
    _ file: OutputFile, into staged: StagedSite, previous: PreviousOutput, receipt: inout Receipt
  ) throws(SiteWriter.Failure) -> OutputRecord {
    let digest = MemoKey.digest(of: file.bytes)
    if let known = previous.records[file.path], known.digest == digest, known.isClean {
      var record = known
      record.source = file.source
      record.inputs = file.inputs
      if previous.isIntact(known), staged.link(known, from: previous) { return record }
      return try staged.writeRecorded(
        file.bytes, at: file.path, source: file.source, inputs: file.inputs, digest: digest, isClean: true)
    }
    let found = scan.findings(in: file, judged: [])
    receipt.findings += found.filter { !judged.contains($0.key) }
    return try staged.writeRecorded(
      file.bytes, at: file.path, source: file.source, inputs: file.inputs, digest: digest, isClean: found.isEmpty)
  }
}

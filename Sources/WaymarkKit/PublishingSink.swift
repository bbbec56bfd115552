import WaymarkPublishing
import WaymarkRendering

/// Where a build's rendered files go as they are rendered: scanned for credentials
/// (`RenderedSecretScan`), written to the staging folder when the build publishes, and kept in
/// memory only when the caller asked for them (`BuildOptions.keepsFiles`).
package struct PublishingSink: OutputSink {
  /// What one batch left behind: its credential findings, and its files when kept.
  package struct Receipt: Sendable {
    package var findings: [RenderedSecretScan.Finding]
    package var files: [OutputFile]
  }

  /// The staging folder, or nil when nothing is to be published.
  package var staged: StagedSite?
  package var scan: RenderedSecretScan
  /// `scan`'s judged values, compared once.
  package var judged: Set<String>
  package var keepsFiles: Bool

  /// Creates a sink.
  package init(staged: StagedSite?, scan: RenderedSecretScan, keepsFiles: Bool) {
    self.staged = staged
    self.scan = scan
    self.judged = scan.comparableJudged
    self.keepsFiles = keepsFiles
  }

  package func take(_ files: [OutputFile]) throws(SiteWriter.Failure) -> Receipt {
    let findings = files.flatMap { scan.findings(in: $0, judged: judged) }
    try staged?.write(files)
    return Receipt(findings: findings, files: keepsFiles ? files : [])
  }
}

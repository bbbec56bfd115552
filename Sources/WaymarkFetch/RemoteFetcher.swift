import Foundation
import WaymarkLoading
import WaymarkModel

/// `waymark fetch`: finds every URL the catalog names (URL Location targets, recursively, and
/// `$text`/`$json`/`$yaml` placeholders), downloads what the lock does not hold yet, and
/// returns the new lock and the bytes to store.
///
/// URLs are found by loading the catalog through the cache as a build does: each round fetches
/// the URLs the load asked for, and the next load reads them and finds the URLs they name in
/// turn, until nothing new is asked for. A URL already locked with intact cached bytes is not
/// downloaded again unless `--update` names it; a locked URL missing from the cache (a fresh
/// clone, a CI runner) is downloaded and must still have the locked SHA-256, or it is an error
/// and nothing is stored; `--check` downloads everything and stores nothing.
package struct RemoteFetcher: Sendable {
  /// What to do with URLs already in the lock.
  package enum Mode: Sendable {
    /// Keep them; fetch only what is missing.
    case fetch
    /// Download every URL again and compare with the lock; store nothing.
    case check
    /// Download again the locked URLs matching any of the globs.
    case update([GlobPattern])
  }

  /// What a run produced.
  package struct Report: Sendable {
    /// The lock after the run: every URL the catalog names that could be fetched.
    package var lock: RemoteLock
    /// The bytes downloaded in this run, by SHA-256.
    package var fetched: [String: [UInt8]]
    /// Failed downloads (at the field naming the URL) and, with `--check`, how the lock is stale.
    package var diagnostics: [Diagnostic]
    /// The number of downloads made.
    package var downloads: Int
  }

  /// The site's settings and files.
  package let inputs: SiteInputs
  /// How URLs are read.
  package let rewriter: RemoteURLRewriter
  /// The downloader.
  package let downloader: RemoteDownloader
  /// The time recorded for bytes fetched for the first time (ISO 8601, UTC).
  package let now: String

  /// Creates a fetcher.
  package init(inputs: SiteInputs, rewriter: RemoteURLRewriter, downloader: RemoteDownloader, now: String) {
    self.inputs = inputs
    self.rewriter = rewriter
    self.downloader = downloader
    self.now = now
  }

  /// The most rounds of Locations naming Locations followed.
  package static let roundLimit = 32

  /// Runs the fetch.
  package func run(_ mode: Mode) async -> Report {
    let old = inputs.remote.lock
    var report = Report(lock: RemoteLock(), fetched: [:], diagnostics: [], downloads: 0)
    var refresh: [RemoteRequest] = []
    var restore: [RemoteRequest] = []
    for entry in old.sortedEntries {
      let request = RemoteRequest(url: entry.url, location: SourceLocation(path: RemoteLock.fileName))
      if refreshes(entry.url, mode) {
        refresh.append(request)
      } else if case .success = inputs.remote.read(entry.url) {
        report.lock.entries[entry.url] = entry
      } else {
        restore.append(request)
      }
    }
    var failed = Set<String>()
    await download(refresh, old: old, into: &report, failed: &failed)
    await download(restore, old: old, into: &report, failed: &failed, mustMatch: true)
    var loaded = await load(report)
    for _ in 0..<Self.roundLimit {
      let requests = loaded.remoteRequests.filter { !failed.contains($0.url) }
      guard !requests.isEmpty else { break }
      await download(requests, old: old, into: &report, failed: &failed)
      loaded = await load(report)
    }
    // A URL that could not be fetched keeps the entry it had: the lock still says what to fetch.
    let named = Set(loaded.remoteURLs)
    report.lock.entries = report.lock.entries.filter { named.contains($0.key) }
    for url in failed where report.lock.entries[url] == nil { report.lock.entries[url] = old.entries[url] }
    if case .check = mode { report.diagnostics += Self.staleness(old: old, new: report.lock, failed: failed) }
    report.diagnostics.sort()
    return report
  }

  /// Stores the bytes the lock names that were downloaded, then the lock; the only writes of a fetch.
  package func persist(_ report: Report) throws {
    let writer = RemoteCacheWriter(root: inputs.root)
    for entry in report.lock.sortedEntries {
      guard let bytes = report.fetched[entry.sha256] else { continue }
      try writer.store(bytes, digest: entry.sha256)
    }
    try writer.write(report.lock)
  }

  private func refreshes(_ url: String, _ mode: Mode) -> Bool {
    switch mode {
    case .fetch: return false
    case .check: return true
    case .update(let patterns): return patterns.contains { $0.matches(url) || $0.pattern == url }
    }
  }

  private func load(_ report: Report) async -> LoadedCatalog {
    let cache = RemoteCache(root: inputs.root, lock: report.lock, fetched: report.fetched)
    return await CatalogLoader(root: inputs.root, remote: cache).load(
      paths: inputs.files(matching: inputs.config.catalogGlobs), available: inputs.files)
  }
}

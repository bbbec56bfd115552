import Foundation
import StructuredData
import WaymarkLoading
import WaymarkModel

/// `waymark fetch`: finds every URL the catalog names (URL Location targets, recursively, glob
/// URL targets, `$text`/`$json`/`$yaml` placeholders and `techdocs-ref` docs sites), downloads
/// what the lock does not hold yet, and returns the new lock and the bytes to store.
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
    let matches = old.matchesBySearch
    // The files a search found go with it: kept, refreshed or restored together.
    for entry in old.sortedEntries where entry.search == nil {
      let group = [entry] + (matches[entry.url] ?? [])
      let request = RemoteRequest(url: entry.url, location: SourceLocation(path: RemoteLock.fileName), kind: entry.kind)
      if group.contains(where: { refreshes($0.url, mode) }) {
        refresh.append(request)
      } else if group.allSatisfy(inputs.remote.isIntact) {
        for member in group { report.lock.entries[member.url] = member }
      } else {
        restore.append(request)
      }
    }
    var failed = Set<String>()
    await download(refresh, old: old, into: &report, failed: &failed)
    await download(restore, old: old, into: &report, failed: &failed, mustMatch: true)
    var loaded = await load(report)
    for _ in 0..<Self.roundLimit {
      var seen = Set<String>()
      let requests = (loaded.catalog.remoteRequests + loaded.docsRequests).filter {
        !failed.contains($0.url) && seen.insert($0.url).inserted
      }
      guard !requests.isEmpty else { break }
      await download(requests, old: old, into: &report, failed: &failed)
      loaded = await load(report)
    }
    // A URL that could not be fetched keeps the entry it had (a search its matches too): the
    // lock still says what to fetch.
    let named = Set(loaded.catalog.remoteURLs + loaded.docsURLs)
    report.lock.entries = report.lock.entries.filter { url, entry in
      named.contains(url) || entry.search.map(named.contains) == true
    }
    for url in failed where report.lock.entries[url] == nil {
      for entry in [old.entries[url]].compactMap({ $0 }) + (matches[url] ?? []) {
        report.lock.entries[entry.url] = entry
      }
    }
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

  /// The catalog loaded through the cache as it stands, and the docs sites its entities name.
  private func load(_ report: Report) async -> (
    catalog: LoadedCatalog, docsURLs: [String], docsRequests: [RemoteRequest]
  ) {
    let cache = RemoteCache(root: inputs.root, lock: report.lock, fetched: report.fetched)
    let catalog = await CatalogLoader(root: inputs.root, remote: cache).load(
      paths: inputs.files(matching: inputs.config.catalogGlobs), available: inputs.files)
    var urls: [String] = []
    var requests: [RemoteRequest] = []
    let key = DocsLocator.refAnnotation
    for document in catalog.documents {
      guard let ref = document.value.value(at: ["metadata", "annotations", key])?.stringValue,
        let url = DocsLocator.remoteSiteURL(ref: ref, entityFile: document.path)
      else { continue }
      urls.append(url)
      guard !cache.isAvailable(url, as: .folder) else { continue }
      let position = document.sourceMap.position(of: ValuePath(keys: "metadata", "annotations", key))
      requests.append(
        RemoteRequest(url: url, location: SourceLocation(path: document.path, position: position), kind: .folder))
    }
    return (catalog, urls, requests.sorted { $0.location < $1.location })
  }
}

import Foundation
import WaymarkLoading
import WaymarkModel

extension RemoteFetcher {
  /// The most downloads at once.
  static let parallelDownloads = 8

  /// Downloads each request (several at once), recording the bytes and lock entries, or a
  /// diagnostic at the field naming the URL; a URL that fails is added to `failed`. With
  /// `mustMatch`, bytes other than the locked ones are refused: the cache is restored, not updated.
  func download(
    _ requests: [RemoteRequest], old: RemoteLock, into report: inout Report, failed: inout Set<String>,
    mustMatch: Bool = false
  ) async {
    var pending = requests[...]
    while !pending.isEmpty {
      let batch = Array(pending.prefix(Self.parallelDownloads))
      pending = pending.dropFirst(batch.count)
      let results = await withTaskGroup(of: (Int, Result<RemoteDownloader.Downloaded, RemoteFetchProblem>).self) {
        group in
        for (index, request) in batch.enumerated() {
          group.addTask { (index, await fetch(request.url)) }
        }
        var results: [(Int, Result<RemoteDownloader.Downloaded, RemoteFetchProblem>)] = []
        for await result in group { results.append(result) }
        return results.sorted { $0.0 < $1.0 }
      }
      for (index, result) in results {
        let request = batch[index]
        report.downloads += 1
        switch result {
        case .success(let downloaded):
          let digest = SourceFile(path: request.url, bytes: downloaded.bytes).sha256
          let previous = old.entries[request.url]
          if mustMatch, let locked = previous, locked.sha256 != digest {
            failed.insert(request.url)
            report.diagnostics.append(Self.changedUpstream(request.url, locked: locked.sha256, now: digest))
            continue
          }
          report.fetched[digest] = downloaded.bytes
          report.lock.entries[request.url] = RemoteLock.Entry(
            url: request.url, resolvedURL: downloaded.finalURL, sha256: digest, byteCount: downloaded.bytes.count,
            fetchedAt: previous?.sha256 == digest ? previous?.fetchedAt ?? now : now)
        case .failure(let problem):
          failed.insert(request.url)
          report.diagnostics.append(Self.diagnostic(problem, request: request, rewriter: rewriter))
        }
      }
    }
  }

  private func fetch(_ url: String) async -> Result<RemoteDownloader.Downloaded, RemoteFetchProblem> {
    switch rewriter.download(for: url) {
    case .failure(let problem): return .failure(problem)
    case .success(let download): return await downloader.fetch(download)
    }
  }

  /// The located diagnostic for a failed download; it names URLs, never headers.
  static func diagnostic(_ problem: RemoteFetchProblem, request: RemoteRequest, rewriter: RemoteURLRewriter)
    -> Diagnostic
  {
    switch problem {
    case .refused(let message):
      let text = message.hasPrefix("'") ? message : "'\(request.url)' is not fetched: \(message)"
      return .error(.inputFetchRefused, text, at: request.location)
    case .tooLarge(let limit):
      let limitText = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
      return .error(
        .inputFetchTooLarge, "'\(request.url)' is over the \(limitText) limit for one fetched file; it is not stored",
        at: request.location)
    case .failed(let message):
      let through = (try? rewriter.download(for: request.url).get())?.url.absoluteString
      let via = through.map { $0 == request.url ? "" : " (\($0))" } ?? ""
      return .error(.inputFetchFailed, "cannot fetch '\(request.url)'\(via): \(message)", at: request.location)
    }
  }

  /// A locked URL now serving other bytes.
  static func changedUpstream(_ url: String, locked: String, now: String) -> Diagnostic {
    .error(
      .inputLockStale,
      "'\(url)' changed upstream (locked \(locked.prefix(12)), now \(now.prefix(12))); "
        + "run 'waymark fetch --update \(url)'",
      at: SourceLocation(path: RemoteLock.fileName))
  }

  /// How `old` differs from what the URLs serve now (`new`), for `waymark fetch --check`.
  static func staleness(old: RemoteLock, new: RemoteLock, failed: Set<String>) -> [Diagnostic] {
    let location = SourceLocation(path: RemoteLock.fileName)
    var diagnostics: [Diagnostic] = []
    let urls = Set(old.entries.keys).union(new.entries.keys).subtracting(failed)
    for url in urls.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let message: String
      switch (old.entries[url], new.entries[url]) {
      case (nil, _):
        message = "'\(url)' is named by the catalog but not locked; run 'waymark fetch'"
      case (_, nil):
        message = "'\(url)' is locked but no catalog file names it any more; run 'waymark fetch'"
      case (let locked?, let now?) where locked.sha256 != now.sha256:
        diagnostics.append(changedUpstream(url, locked: locked.sha256, now: now.sha256))
        continue
      case (let locked?, let now?) where !locked.sameContent(as: now):
        message =
          "'\(url)' is now read from '\(now.resolvedURL)', not '\(locked.resolvedURL)'; "
          + "run 'waymark fetch --update \(url)'"
      default:
        continue
      }
      diagnostics.append(.error(.inputLockStale, message, at: location))
    }
    return diagnostics
  }
}

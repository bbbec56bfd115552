import Foundation
import WaymarkLoading
import WaymarkModel

extension RemoteFetcher {
  /// The most downloads at once.
  static let parallelDownloads = 8

  /// How one request is downloaded: a file as it is, a folder or search through an archive.
  struct Plan: Sendable {
    var download: RemoteURLRewriter.Download
    var archive: RemoteURLRewriter.ArchivePlan?
  }

  /// Downloads each request (several at once, each distinct URL once), recording the bytes and
  /// lock entries, or a diagnostic at the field naming the URL; a URL that fails is added to
  /// `failed`. With `mustMatch`, bytes other than the locked ones are refused: the cache is
  /// restored, not updated.
  func download(
    _ requests: [RemoteRequest], old: RemoteLock, into report: inout Report, failed: inout Set<String>,
    mustMatch: Bool = false
  ) async {
    var pending = requests[...]
    while !pending.isEmpty {
      let batch = Array(pending.prefix(Self.parallelDownloads))
      pending = pending.dropFirst(batch.count)
      let plans = batch.map { plan(for: $0) }
      var downloads: [String: (download: RemoteURLRewriter.Download, limit: Int)] = [:]
      for case .success(let plan) in plans {
        let limit = plan.archive == nil ? downloader.maximumByteCount : downloader.maximumArchiveByteCount
        downloads[plan.download.url.absoluteString] = (plan.download, limit)
      }
      report.downloads += downloads.count
      let results = await fetchAll(downloads)
      for (request, planned) in zip(batch, plans) {
        let outcome = planned.flatMap { plan in
          (results[plan.download.url.absoluteString] ?? .failure(.failed("not downloaded"))).map { (plan, $0) }
        }
        switch outcome {
        case .success(let (plan, downloaded)):
          let recorded = record(
            downloaded, for: request, plan: plan, old: old, into: &report, mustMatch: mustMatch)
          if !recorded { failed.insert(request.url) }
        case .failure(let problem):
          failed.insert(request.url)
          let through = (try? planned.get())?.download.url.absoluteString
          report.diagnostics.append(Self.diagnostic(problem, request: request, through: through))
        }
      }
    }
  }

  /// The download of `request`, or why it is refused.
  func plan(for request: RemoteRequest) -> Result<Plan, RemoteFetchProblem> {
    switch request.kind {
    case .file:
      return rewriter.download(for: request.url).map { Plan(download: $0, archive: nil) }
    case .folder, .search:
      return rewriter.archive(for: request.url, kind: request.kind).map { Plan(download: $0.download, archive: $0) }
    }
  }

  /// Downloads each of `downloads` (with its size limit) once, in parallel.
  private func fetchAll(_ downloads: [String: (download: RemoteURLRewriter.Download, limit: Int)]) async -> [String:
    Result<RemoteDownloader.Downloaded, RemoteFetchProblem>]
  {
    let downloader = self.downloader
    return await withTaskGroup(of: (String, Result<RemoteDownloader.Downloaded, RemoteFetchProblem>).self) { group in
      for (key, planned) in downloads {
        group.addTask { (key, await downloader.fetch(planned.download, maximumByteCount: planned.limit)) }
      }
      var results: [String: Result<RemoteDownloader.Downloaded, RemoteFetchProblem>] = [:]
      for await (key, result) in group { results[key] = result }
      return results
    }
  }

  /// Records what `downloaded` holds for `request`; false (with a diagnostic) when it cannot be used.
  private func record(
    _ downloaded: RemoteDownloader.Downloaded, for request: RemoteRequest, plan: Plan, old: RemoteLock,
    into report: inout Report, mustMatch: Bool
  ) -> Bool {
    var bytes = downloaded.bytes
    var matches: [(url: String, bytes: [UInt8])] = []
    if let archive = plan.archive {
      switch RemoteArchiveExtractor.extract(downloaded.bytes, plan: archive) {
      case .failure(let problem):
        report.diagnostics.append(
          Self.diagnostic(problem, request: request, through: plan.download.url.absoluteString))
        return false
      case .success(let extracted):
        for message in extracted.leftOut {
          report.diagnostics.append(
            .error(.inputOutsideRoot, "'\(request.url)' holds \(message); it is left out", at: request.location))
        }
        if request.kind == .search {
          matches = extracted.files.map { (url: archive.repository.fileURL($0.path), bytes: $0.bytes) }
          bytes = RemoteCache.listing(matches.map { (url: $0.url, sha256: Self.digest($0.bytes)) })
        } else {
          bytes = TarWriter.pack(extracted.files)
        }
      }
    }
    let digest = Self.digest(bytes)
    let previous = old.entries[request.url]
    if mustMatch, let locked = previous, locked.sha256 != digest {
      report.diagnostics.append(Self.changedUpstream(request.url, locked: locked.sha256, now: digest))
      return false
    }
    report.fetched[digest] = bytes
    report.lock.entries[request.url] = RemoteLock.Entry(
      url: request.url, resolvedURL: downloaded.finalURL, sha256: digest, byteCount: bytes.count,
      fetchedAt: previous?.sha256 == digest ? previous?.fetchedAt ?? now : now, kind: request.kind)
    guard request.kind == .search else { return true }
    report.lock.entries = report.lock.entries.filter { $0.value.search != request.url }
    for match in matches {
      let matchDigest = Self.digest(match.bytes)
      let before = old.entries[match.url]
      report.fetched[matchDigest] = match.bytes
      report.lock.entries[match.url] = RemoteLock.Entry(
        url: match.url, resolvedURL: downloaded.finalURL, sha256: matchDigest, byteCount: match.bytes.count,
        fetchedAt: before?.sha256 == matchDigest ? before?.fetchedAt ?? now : now, search: request.url)
    }
    return true
  }

  static func digest(_ bytes: [UInt8]) -> String { SourceFile(path: "", bytes: bytes).sha256 }

  /// The located diagnostic for a failed download; it names URLs, never headers.
  static func diagnostic(_ problem: RemoteFetchProblem, request: RemoteRequest, through: String?) -> Diagnostic {
    let via = through.map { $0 == request.url ? "" : " (\($0))" } ?? ""
    switch problem {
    case .refused(let message):
      let text = message.hasPrefix("'") ? message : "'\(request.url)' is not fetched: \(message)"
      return .error(.inputFetchRefused, text, at: request.location)
    case .tooLarge(let limit):
      let limitText = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
      let what = request.kind == .file ? "is" : "is read from an archive\(via) that is"
      return .error(
        .inputFetchTooLarge,
        "'\(request.url)' \(what) over the \(limitText) limit for one fetched \(request.kind == .file ? "file" : "archive"); "
          + "it is not stored",
        at: request.location)
    case .archiveTooLarge(let message):
      return .error(
        .inputFetchTooLarge, "'\(request.url)' is not stored: its archive\(via) \(message)", at: request.location)
    case .unsafeArchive(let message):
      return .error(
        .inputFetchRefused, "'\(request.url)' is not fetched: its archive\(via) \(message); nothing of it is used",
        at: request.location)
    case .failed(let message):
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
    // A search that failed or found other files speaks for its matches: one line, not one per file.
    let searches = failed.union(
      new.entries.values.filter { $0.kind == .search && old.entries[$0.url]?.sha256 != $0.sha256 }.map(\.url))
    for url in urls.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let search = new.entries[url]?.search ?? old.entries[url]?.search
      if let search, searches.contains(search) { continue }
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

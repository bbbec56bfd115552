import Foundation
import WaymarkLoading

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads one URL with the limits untrusted content needs: at most `maximumByteCount` bytes
/// (the transfer stops as soon as it is over), at most `timeout` seconds in all, redirects only
/// within the same scheme and host, no cookies, no HTTP cache.
package struct RemoteDownloader: Sendable {
  /// The most bytes one file may have.
  package var maximumByteCount = RemoteCache.maximumByteCount
  /// The most bytes one repository archive may have.
  package var maximumArchiveByteCount = RemoteCache.maximumArchiveByteCount
  /// The most seconds one download may take.
  package var timeout: TimeInterval = 30

  /// Creates a downloader.
  package init(
    maximumByteCount: Int = RemoteCache.maximumByteCount,
    maximumArchiveByteCount: Int = RemoteCache.maximumArchiveByteCount, timeout: TimeInterval = 30
  ) {
    self.maximumByteCount = maximumByteCount
    self.maximumArchiveByteCount = maximumArchiveByteCount
    self.timeout = timeout
  }

  /// What one download produced.
  package struct Downloaded: Sendable {
    /// The bytes.
    package var bytes: [UInt8]
    /// The URL the bytes came from, after any redirect.
    package var finalURL: String
  }

  /// Downloads `download` (at most `maximumByteCount` bytes, the file limit by default), or says why not.
  package func fetch(_ download: RemoteURLRewriter.Download, maximumByteCount: Int? = nil) async -> Result<
    Downloaded, RemoteFetchProblem
  > {
    guard #available(macOS 15, *) else { return .failure(.failed("fetching needs macOS 15 or later")) }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.httpShouldSetCookies = false
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    var request = URLRequest(url: download.url)
    // GitHub's API refuses requests without a User-Agent.
    request.setValue("waymark", forHTTPHeaderField: "User-Agent")
    for (name, value) in download.headers { request.setValue(value, forHTTPHeaderField: name) }
    let delegate = TransferDelegate(
      maximumByteCount: maximumByteCount ?? self.maximumByteCount, redirectHosts: download.redirectHosts)
    let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    return await withCheckedContinuation { continuation in
      delegate.start(session.dataTask(with: request), reportingTo: continuation)
    }
  }
}

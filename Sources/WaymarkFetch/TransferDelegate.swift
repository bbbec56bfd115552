import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Follows one data task for `RemoteDownloader`: collects its bytes up to the limit, refuses
/// redirects to another scheme or host (but for the hosts the download allows, which get no
/// credentials), and reports the outcome once.
@available(macOS 15, *)
final class TransferDelegate: NSObject, URLSessionDataDelegate, Sendable {
  private struct State {
    var bytes: [UInt8] = []
    var problem: RemoteFetchProblem?
    var continuation: CheckedContinuation<Result<RemoteDownloader.Downloaded, RemoteFetchProblem>, Never>?
  }

  private let maximumByteCount: Int
  private let redirectHosts: Set<String>
  private let state = Mutex(State())

  init(maximumByteCount: Int, redirectHosts: Set<String> = []) {
    self.maximumByteCount = maximumByteCount
    self.redirectHosts = redirectHosts
  }

  /// `url` without its query and fragment, which may hold a token.
  static func withoutQuery(_ url: String) -> String {
    String(url.prefix { $0 != "?" && $0 != "#" })
  }

  /// Starts `task`; `continuation` is resumed when it ends.
  func start(
    _ task: URLSessionDataTask,
    reportingTo continuation: CheckedContinuation<Result<RemoteDownloader.Downloaded, RemoteFetchProblem>, Never>
  ) {
    state.withLock { $0.continuation = continuation }
    task.resume()
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
      let problem: RemoteFetchProblem =
        (300..<400).contains(http.statusCode)
        ? .refused(
          "redirected to '\(Self.withoutQuery(http.value(forHTTPHeaderField: "Location") ?? ""))', "
            + "another host or scheme")
        : .failed("HTTP \(http.statusCode)")
      state.withLock { $0.problem = $0.problem ?? problem }
      completionHandler(.cancel)
      return
    }
    if response.expectedContentLength > Int64(maximumByteCount) {
      state.withLock { $0.problem = .tooLarge(maximumByteCount) }
      completionHandler(.cancel)
      return
    }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let over = state.withLock { state -> Bool in
      guard state.problem == nil else { return true }
      state.bytes.append(contentsOf: data)
      if state.bytes.count > maximumByteCount {
        state.problem = .tooLarge(maximumByteCount)
        state.bytes = []
        return true
      }
      return false
    }
    if over { dataTask.cancel() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    let from = task.originalRequest?.url
    let to = request.url
    let sameScheme = from?.scheme?.lowercased() == to?.scheme?.lowercased()
    if sameScheme, RemoteURLRewriter.authority(of: from) == RemoteURLRewriter.authority(of: to) {
      completionHandler(request)
      return
    }
    guard let host = RemoteURLRewriter.authority(of: to), redirectHosts.contains(host), let to,
      RemoteURLRewriter.isAllowed(to), sameScheme
    else {
      completionHandler(nil)
      return
    }
    // Another host: a fresh request, so no header of the first (its token) travels with it.
    var next = URLRequest(url: to)
    next.timeoutInterval = request.timeoutInterval
    completionHandler(next)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    let (continuation, outcome) = state.withLock { state in
      let continuation = state.continuation
      state.continuation = nil
      if let problem = state.problem {
        return (continuation, Result<RemoteDownloader.Downloaded, RemoteFetchProblem>.failure(problem))
      }
      if let error = error as? URLError {
        let message = error.code == .timedOut ? "timed out" : "network error (\(error.code.rawValue))"
        return (continuation, .failure(.failed(message)))
      }
      if let error { return (continuation, .failure(.failed("network error: \(error.localizedDescription)"))) }
      let original = task.originalRequest?.url
      let current = task.currentRequest?.url ?? original
      var final = current?.absoluteString ?? ""
      // Another host's URL (GitHub's archive redirect) may carry a one-time token in its query.
      if RemoteURLRewriter.authority(of: current) != RemoteURLRewriter.authority(of: original) {
        final = Self.withoutQuery(final)
      }
      return (continuation, .success(RemoteDownloader.Downloaded(bytes: state.bytes, finalURL: final)))
    }
    continuation?.resume(returning: outcome)
  }
}

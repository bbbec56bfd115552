import Foundation
import WaymarkModel

/// Where `waymark fetch` downloads a catalog URL from, and with which credentials, as
/// Backstage's GitHub and GitLab integrations read it: a GitHub `blob/` URL through the raw-file
/// host (`raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>`), a GitLab `-/blob/` URL
/// through `-/raw/`, anything else as written; a folder or a glob through an archive of the
/// repository at the ref (`RemoteURLRewriter+Archives.swift`).
///
/// Only `https` is read, and `http` to this machine alone (tests serve fixtures on loopback).
package struct RemoteURLRewriter: Sendable {
  /// The integrations of `waymark.yaml`.
  package let settings: IntegrationSettings
  /// The environment the tokens are read from.
  package let environment: [String: String]

  /// Creates a rewriter.
  package init(settings: IntegrationSettings, environment: [String: String]) {
    self.settings = settings
    self.environment = environment
  }

  /// One download: the URL and its headers. The headers may hold a token: never print them.
  package struct Download: Sendable {
    /// The URL requested.
    package var url: URL
    /// Request headers (`Authorization`, `PRIVATE-TOKEN`).
    package var headers: [String: String]
    /// Hosts (`host` or `host:port`) besides the URL's own that a redirect may lead to, with the
    /// headers left behind: GitHub's archive endpoint answers with a redirect to `codeload.github.com`.
    package var redirectHosts: Set<String> = []

    /// Creates a download.
    package init(url: URL, headers: [String: String], redirectHosts: Set<String> = []) {
      self.url = url
      self.headers = headers
      self.redirectHosts = redirectHosts
    }
  }

  /// The download for `text`, or why it is refused.
  package func download(for text: String) -> Result<Download, RemoteFetchProblem> {
    guard let url = URL(string: text), let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
      Self.isAllowed(url)
    else {
      return .failure(.refused("'\(text)' is not fetched: only https URLs are (http only to this machine)"))
    }
    let host = Self.authority(of: url)
    var headers: [String: String] = [:]
    var target = url
    if host == settings.githubHost || host == Self.authority(of: URL(string: settings.githubRawBaseURL)) {
      if host == settings.githubHost, let raw = githubRaw(components.percentEncodedPath) { target = raw }
      if let token = token(settings.githubTokenVariable) { headers["Authorization"] = "token \(token)" }
    } else if host == settings.gitlabHost {
      if let range = components.percentEncodedPath.range(of: "/-/blob/") {
        var rewritten = components
        rewritten.percentEncodedPath = components.percentEncodedPath.replacingCharacters(in: range, with: "/-/raw/")
        target = rewritten.url ?? url
      }
      if let token = token(settings.gitlabTokenVariable) { headers["PRIVATE-TOKEN"] = token }
    }
    guard Self.isAllowed(target) else {
      return .failure(.refused("'\(text)' is read through '\(target.absoluteString)', which is not https"))
    }
    return .success(Download(url: target, headers: headers))
  }

  /// Whether `url` may be fetched: https, or http to a loopback address.
  package static func isAllowed(_ url: URL) -> Bool {
    switch url.scheme?.lowercased() {
    case "https": return url.host != nil
    case "http": return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host?.lowercased() ?? "")
    default: return false
    }
  }

  /// `host` or `host:port`, lowercased.
  package static func authority(of url: URL?) -> String? {
    guard let host = url?.host?.lowercased() else { return nil }
    return url?.port.map { "\(host):\($0)" } ?? host
  }

  /// `/<owner>/<repo>/blob/<ref>/<path>` on the raw-file host.
  private func githubRaw(_ path: String) -> URL? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    guard parts.count >= 5, parts[parts.startIndex + 2] == "blob" else { return nil }
    let owner = parts[parts.startIndex]
    let repo = parts[parts.startIndex + 1]
    let rest = parts.dropFirst(3).joined(separator: "/")
    return URL(string: "\(settings.githubRawBaseURL)/\(owner)/\(repo)/\(rest)")
  }

  func token(_ variable: String) -> String? {
    guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
      return nil
    }
    return value
  }
}

/// Why one URL was not fetched; the message never holds a credential.
package enum RemoteFetchProblem: Error, Sendable, Hashable {
  /// Not a URL `waymark fetch` reads, or redirected where it may not go.
  case refused(String)
  /// Over the size limit.
  case tooLarge(Int)
  /// An HTTP status, a timeout, no network, an archive without the folder named.
  case failed(String)
  /// An archive refused whole (`holds the absolute path '/etc/passwd'`): nothing of it is used.
  case unsafeArchive(String)
  /// An archive over one of its limits (`unpacks to over 1024 MiB`).
  case archiveTooLarge(String)
}

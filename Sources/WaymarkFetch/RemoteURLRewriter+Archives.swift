import Foundation
import WaymarkLoading
import WaymarkModel

/// Folders (TechDocs sites) and glob searches are read as Backstage's UrlReader `readTree` and
/// `search` read them: from an archive of the repository at the ref. GitHub:
/// `<apiBaseUrl>/repos/<owner>/<repo>/tarball/<ref>` (the whole repository; the folder is cut
/// out of it); GitLab: `<apiBaseUrl>/projects/<group%2Fproject>/repository/archive.tar.gz?sha=<ref>&path=<folder>`.
extension RemoteURLRewriter {
  /// How a folder or search is read: the archive download and what to take from it.
  package struct ArchivePlan: Sendable {
    /// The archive's download.
    package var download: Download
    /// The URL split into repository, ref and path.
    package var repository: HostedRepositoryURL
    /// The folder to keep, repository-relative and decoded (`""`: all of it); for a search, the
    /// folder before the first wildcard.
    package var folder: String
    /// For a search, the glob the repository-relative paths must match.
    package var pattern: GlobPattern?
  }

  /// The archive plan for `text` read as `kind` (`.folder` or `.search`), or why it is refused.
  package func archive(for text: String, kind: RemoteLock.Kind) -> Result<ArchivePlan, RemoteFetchProblem> {
    guard let url = URL(string: text), Self.isAllowed(url) else {
      return .failure(.refused("'\(text)' is not fetched: only https URLs are (http only to this machine)"))
    }
    let what = kind == .search ? "a glob URL" : "a docs site"
    guard let repository = HostedRepositoryURL.parse(text, settings: settings) else {
      return .failure(
        .refused(
          "'\(text)' is not fetched: \(what) is read from an archive of its repository, which needs a GitHub "
            + "(\(settings.githubHost)) or GitLab (\(settings.gitlabHost)) URL such as "
            + "'https://github.com/<owner>/<repo>/tree/<ref>/<path>'"))
    }
    var pattern: GlobPattern?
    var folder = repository.decodedPath
    if kind == .search {
      guard repository.view != nil, !folder.isEmpty else {
        return .failure(.refused("'\(text)' is not fetched: a glob URL needs a ref and a path, '…/blob/<ref>/<glob>'"))
      }
      pattern = GlobPattern(folder)
      let segments = folder.split(separator: "/").filter { $0 != "." }
      folder = segments.prefix { !$0.contains("*") && !$0.contains("?") }.joined(separator: "/")
    }
    let archive: String
    var headers: [String: String] = [:]
    var redirectHosts = Set<String>()
    switch repository.provider {
    case .github:
      let ref = repository.ref.map { "/" + $0 } ?? ""
      archive = "\(settings.githubAPIBaseURL)/repos/\(repository.project)/tarball\(ref)"
      if let token = token(settings.githubTokenVariable) { headers["Authorization"] = "token \(token)" }
      if settings.githubHost == "github.com" { redirectHosts.insert("codeload.github.com") }
    case .gitlab:
      let project = repository.project.removingPercentEncoding ?? repository.project
      let id = project.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~")))
      var query = URLComponents()
      query.queryItems =
        [repository.ref.map { URLQueryItem(name: "sha", value: $0.removingPercentEncoding ?? $0) }].compactMap { $0 }
        + (folder.isEmpty ? [] : [URLQueryItem(name: "path", value: folder)])
      let suffix = query.percentEncodedQuery.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
      archive = "\(settings.gitlabAPIBaseURL)/projects/\(id ?? project)/repository/archive.tar.gz\(suffix)"
      if let token = token(settings.gitlabTokenVariable) { headers["PRIVATE-TOKEN"] = token }
    }
    guard let archiveURL = URL(string: archive), Self.isAllowed(archiveURL) else {
      return .failure(.refused("'\(text)' is read through '\(archive)', which is not https"))
    }
    return .success(
      ArchivePlan(
        download: Download(url: archiveURL, headers: headers, redirectHosts: redirectHosts), repository: repository,
        folder: folder, pattern: pattern))
  }
}

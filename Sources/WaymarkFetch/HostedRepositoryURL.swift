import Foundation
import WaymarkModel

/// A URL on a GitHub or GitLab host of the integrations, split as Backstage's integrations read
/// it: `https://<host>/<owner>/<repo>/(blob|tree)/<ref>/<path>` on GitHub,
/// `https://<host>/<group>/…/<project>/-/(blob|tree)/<ref>/<path>` on GitLab, or the repository
/// itself (no ref: its default branch). The ref is one path segment, as in Backstage.
///
/// Parts are kept percent-encoded as written, so a URL rebuilt from them is the same text; a
/// query or fragment is not part of it.
package struct HostedRepositoryURL: Sendable, Hashable {
  /// Which integration's host it is on.
  package enum Provider: Sendable, Hashable {
    case github
    case gitlab
  }

  /// The integration.
  package var provider: Provider
  /// `https://github.com`: scheme and authority.
  package var origin: String
  /// `acme/orders`, or a GitLab project path with its groups.
  package var project: String
  /// `blob` or `tree`; nil for the repository itself.
  package var view: String?
  /// The branch, tag or commit; nil for the default branch.
  package var ref: String?
  /// The path inside the repository, without leading or trailing `/`; `""` for its root.
  package var path: String

  /// Splits `text` when it is on the GitHub or GitLab host of `settings`.
  package static func parse(_ text: String, settings: IntegrationSettings) -> HostedRepositoryURL? {
    // A query or fragment (GitLab's `?ref_type=heads`, GitHub's `?plain=1`) says nothing of the files.
    guard let url = URL(string: text), let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
      let scheme = url.scheme?.lowercased(), let authority = RemoteURLRewriter.authority(of: url)
    else { return nil }
    let segments = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true).map(
      String.init)
    let origin = "\(scheme)://\(authority)"
    if authority == settings.githubHost {
      guard segments.count >= 2 else { return nil }
      return split(.github, origin: origin, project: segments.prefix(2).joined(separator: "/"), tail: segments[2...])
    }
    if authority == settings.gitlabHost {
      guard let dash = segments.firstIndex(of: "-") else {
        guard segments.count >= 2 else { return nil }
        return HostedRepositoryURL(
          provider: .gitlab, origin: origin, project: segments.joined(separator: "/"), view: nil, ref: nil, path: "")
      }
      guard dash >= 2 else { return nil }
      return split(
        .gitlab, origin: origin, project: segments[..<dash].joined(separator: "/"), tail: segments[(dash + 1)...])
    }
    return nil
  }

  private static func split(_ provider: Provider, origin: String, project: String, tail: ArraySlice<String>)
    -> HostedRepositoryURL?
  {
    if tail.isEmpty {
      return HostedRepositoryURL(provider: provider, origin: origin, project: project, view: nil, ref: nil, path: "")
    }
    guard tail.count >= 2, let view = tail.first, view == "blob" || view == "tree" else { return nil }
    let rest = tail.dropFirst()
    return HostedRepositoryURL(
      provider: provider, origin: origin, project: project, view: view, ref: rest.first,
      path: rest.dropFirst().joined(separator: "/"))
  }

  /// The path, percent-decoded.
  package var decodedPath: String { path.removingPercentEncoding ?? path }

  /// The web URL of the file `path` (decoded, repository-relative) at this URL's ref, as a
  /// Location names it: `…/blob/<ref>/<path>`.
  package func fileURL(_ path: String) -> String {
    let encoded = path.split(separator: "/").map {
      String($0).addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? String($0)
    }.joined(separator: "/")
    let marker = provider == .gitlab ? "/-/blob/" : "/blob/"
    return origin + "/" + project + marker + (ref ?? "HEAD") + "/" + encoded
  }

  private static let segmentCharacters: CharacterSet = {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#")
    return allowed
  }()
}

import StructuredData
import YAML

/// The `integrations:` settings of `waymark.yaml`: how `waymark fetch` reads GitHub and GitLab
/// URLs, named as in Backstage's `integrations:` config (`host`, `rawBaseUrl`, `apiBaseUrl`, `token`).
///
/// `token` names an environment variable; the token itself never appears in a file.
public struct IntegrationSettings: Sendable, Hashable {
  /// The GitHub host whose `blob/` URLs are read through `githubRawBaseURL` (`github.com`).
  public var githubHost = "github.com"
  /// Where raw files of `githubHost` are served (`https://raw.githubusercontent.com`).
  public var githubRawBaseURL = "https://raw.githubusercontent.com"
  /// The environment variable holding a GitHub token (`GITHUB_TOKEN`).
  public var githubTokenVariable = "GITHUB_TOKEN"
  /// `apiBaseUrl` as written, if it is.
  public var githubAPIBaseURLSetting: String?
  /// `apiBaseUrl` as written for GitLab, if it is.
  public var gitlabAPIBaseURLSetting: String?
  /// The GitLab host whose `-/blob/` URLs are read through `-/raw/` (`gitlab.com`).
  public var gitlabHost = "gitlab.com"
  /// The environment variable holding a GitLab token (`GITLAB_TOKEN`).
  public var gitlabTokenVariable = "GITLAB_TOKEN"

  /// The defaults.
  public init() {}

  /// Where the GitHub API serves repository archives (`/repos/<owner>/<repo>/tarball/<ref>`):
  /// `https://api.github.com` for github.com, `https://<host>/api/v3` for GitHub Enterprise.
  public var githubAPIBaseURL: String {
    githubAPIBaseURLSetting ?? (githubHost == "github.com" ? "https://api.github.com" : "https://\(githubHost)/api/v3")
  }

  /// Where the GitLab API serves repository archives: `https://<host>/api/v4`.
  public var gitlabAPIBaseURL: String {
    gitlabAPIBaseURLSetting ?? "https://\(gitlabHost)/api/v4"
  }

  /// Reads the `integrations` mapping of a converted config; types were checked against the schema.
  package mutating func read(_ config: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile) -> [Diagnostic] {
    guard let integrations = config["integrations"] else { return [] }
    var diagnostics: [Diagnostic] = []
    func text(_ keys: String...) -> (String, SourceLocation)? {
      guard let value = integrations.value(at: keys)?.stringValue else { return nil }
      let path = ValuePath(([.key("integrations")] as [ValuePath.Component]) + keys.map { .key($0) })
      return (value, SourceLocation(path: file.path, position: sourceMap.position(of: path)))
    }
    if let (host, _) = text("github", "host") { githubHost = host.lowercased() }
    if let (host, _) = text("gitlab", "host") { gitlabHost = host.lowercased() }
    func baseURL(_ provider: String, _ key: String) -> String? {
      guard let (base, location) = text(provider, key) else { return nil }
      guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
        diagnostics.append(
          .error(.configBadValue, "integrations.\(provider).\(key) must be an https URL, not '\(base)'", at: location))
        return nil
      }
      return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
    if let base = baseURL("github", "rawBaseUrl") { githubRawBaseURL = base }
    if let base = baseURL("github", "apiBaseUrl") { githubAPIBaseURLSetting = base }
    if let base = baseURL("gitlab", "apiBaseUrl") { gitlabAPIBaseURLSetting = base }
    for (keys, keyPath) in [
      (["github", "token"], \Self.githubTokenVariable), (["gitlab", "token"], \.gitlabTokenVariable),
    ] {
      guard let (name, location) = text(keys[0], keys[1]) else { continue }
      if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
        self[keyPath: keyPath] = name
      } else {
        diagnostics.append(
          .error(
            .configBadValue,
            "integrations.\(keys[0]).token must name an environment variable (such as GITHUB_TOKEN), not hold a token",
            at: location))
      }
    }
    return diagnostics
  }
}

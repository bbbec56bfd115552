import StructuredData
import YAML

/// The `guardrails:` settings of `waymark.yaml`: where CI checks repositories out, and how
/// self-hosted source URLs name their repository.
public struct GuardrailSettings: Sendable, Hashable {
  /// Checkout roots of common CI systems, always tried after the configured ones: GitHub Actions
  /// (on the runner and in container jobs), GitLab CI and Buildkite.
  public static let defaultCheckoutRoots = [
    "/home/runner/work/{repo}/{repo}", "/__w/{repo}/{repo}", "/builds/{org}/{repo}",
    "/var/lib/buildkite-agent/builds/*/{org}/{repo}",
  ].compactMap(RepositoryPattern.init)

  /// Where CI checks a repository out (`guardrails.checkoutRoots`), then the defaults: an
  /// absolute path under one is in that repository.
  public var checkoutRoots: [RepositoryPattern] = defaultCheckoutRoots
  /// Source URL shapes of other hosts (`guardrails.repositoryPatterns`), tried before the
  /// built-in GitHub, GitLab, Bitbucket and Azure DevOps shapes.
  public var repositoryPatterns: [RepositoryPattern] = []

  /// The defaults.
  public init() {}

  /// Settings with these patterns (the checkout roots followed by the defaults).
  public init(checkoutRoots: [RepositoryPattern], repositoryPatterns: [RepositoryPattern] = []) {
    self.checkoutRoots = checkoutRoots + Self.defaultCheckoutRoots
    self.repositoryPatterns = repositoryPatterns
  }

  /// Reads the `guardrails` mapping of a converted config, reporting templates without `{repo}`.
  package mutating func read(_ config: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile) -> [Diagnostic] {
    guard let guardrails = config["guardrails"] else { return [] }
    var diagnostics: [Diagnostic] = []
    func patterns(_ key: String) -> [RepositoryPattern] {
      let field = guardrails[key]
      let texts = field?.stringValue.map { [$0] } ?? field?.arrayValue?.compactMap(\.stringValue) ?? []
      return texts.enumerated().compactMap { index, text in
        if let pattern = RepositoryPattern(text) { return pattern }
        let path =
          field?.arrayValue == nil
          ? ValuePath(keys: "guardrails", key) : ValuePath(keys: "guardrails", key).appending(index: index)
        diagnostics.append(
          .error(
            .configBadValue,
            "guardrails.\(key) template '\(text)' must name the repository with a whole segment '{repo}'"
              + " (a final '{path}' is the rest)",
            at: SourceLocation(path: file.path, position: sourceMap.position(of: path))))
        return nil
      }
    }
    checkoutRoots = patterns("checkoutRoots") + Self.defaultCheckoutRoots
    repositoryPatterns = patterns("repositoryPatterns")
    return diagnostics
  }
}

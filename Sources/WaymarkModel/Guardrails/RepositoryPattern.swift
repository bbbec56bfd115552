/// A template for a place that names a repository: a CI checkout root
/// (`/home/runner/work/{repo}/{repo}`) or a source URL (`https://git.acme.internal/{org}/{repo}/browse/{path}`).
///
/// Segments between `/` are literal text, `{org}` (the owner), `{repo}` (the name), `{host}` or
/// `*` (any one segment); a final `{path}` takes the rest. A `{repo}` that appears twice must be
/// the same text both times. What follows the matched segments is the path inside the repository.
public struct RepositoryPattern: Sendable, Hashable, CustomStringConvertible {
  /// The template as written.
  public let text: String
  private let segments: [Segment]
  /// The literal text before the first placeholder: a location without it cannot match, found
  /// without splitting the location (this runs for every result's path).
  private let literalPrefix: String

  private enum Segment: Sendable, Hashable {
    case literal(String)
    case org, repo, host, any, rest
  }

  /// Parses a template; nil when it names no `{repo}`.
  public init?(_ text: String) {
    self.text = text
    var segments: [Segment] = []
    for part in text.split(separator: "/", omittingEmptySubsequences: false) {
      switch part {
      case "{org}": segments.append(.org)
      case "{repo}": segments.append(.repo)
      case "{host}": segments.append(.host)
      case "*": segments.append(.any)
      case "{path}": segments.append(.rest)
      default: segments.append(.literal(String(part)))
      }
    }
    // A trailing `/` leaves an empty literal: the template names a folder.
    if case .literal("") = segments.last, segments.count > 1 { segments.removeLast() }
    guard segments.contains(.repo) else { return nil }
    if let rest = segments.firstIndex(of: .rest), rest != segments.count - 1 { return nil }
    self.segments = segments
    var prefix = ""
    for segment in segments {
      guard case .literal(let text) = segment else { break }
      prefix += text + "/"
    }
    literalPrefix = prefix
  }

  public var description: String { text }

  /// The repository `location` is in and the path inside it ("" at its root), or nil when the
  /// template does not match.
  public func match(_ location: String) -> (repository: RepositoryIdentity, path: String)? {
    guard location.hasPrefix(literalPrefix) else { return nil }
    // Segment by segment over the location, without splitting all of it.
    var rest = Substring(location)
    var exhausted = false
    var org: Substring?
    var repo: Substring?
    var host: Substring?
    for segment in segments {
      if segment == .rest { break }
      guard !exhausted else { return nil }
      let part: Substring
      if let slash = rest.firstIndex(of: "/") {
        part = rest[..<slash]
        rest = rest[rest.index(after: slash)...]
      } else {
        part = rest
        rest = rest[rest.endIndex...]
        exhausted = true
      }
      switch segment {
      case .literal(let text): guard part == text else { return nil }
      case .org:
        guard !part.isEmpty else { return nil }
        org = part
      case .repo:
        guard !part.isEmpty, repo == nil || repo == part else { return nil }
        repo = part
      case .host:
        guard !part.isEmpty else { return nil }
        host = part
      case .any: guard !part.isEmpty else { return nil }
      case .rest: break
      }
    }
    guard let repo,
      let identity = RepositoryIdentity(host: host.map(String.init), owner: org.map(String.init), name: String(repo))
    else { return nil }
    let path =
      rest.contains("//") || rest.hasPrefix("/") || rest.hasSuffix("/")
      ? rest.split(separator: "/").joined(separator: "/") : String(rest)
    return (identity, path)
  }
}

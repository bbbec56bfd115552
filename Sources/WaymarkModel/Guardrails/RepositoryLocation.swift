import Foundation

/// A repository and a folder inside it, read from a URL such as an entity's
/// `backstage.io/source-location` or a SARIF `repositoryUri`.
public struct RepositoryLocation: Sendable, Hashable {
  /// The repository.
  public var repository: RepositoryIdentity
  /// The folder inside it, "" for its root, without leading or trailing `/`.
  public var folder: String

  /// Creates a location.
  public init(repository: RepositoryIdentity, folder: String) {
    self.repository = repository
    self.folder = folder
  }

  /// Reads a repository URL, trying `patterns` first and then the shapes of GitHub, GitLab,
  /// Bitbucket (Cloud and Server), Azure DevOps and any host laid out like GitHub:
  ///
  /// - `https://github.com/acme/x/tree/main/sub` (`blob/<ref>/file` gives the file's folder);
  /// - `https://gitlab.com/group/sub/x/-/tree/main/sub`;
  /// - `https://bitbucket.org/acme/x/src/main/sub`, `https://host/projects/P/repos/x/browse/sub`;
  /// - `https://dev.azure.com/org/project/_git/x?path=/sub`, `https://org.visualstudio.com/project/_git/x`;
  /// - `git@github.com:acme/x.git`, `ssh://git@host/acme/x.git`.
  ///
  /// A `url:` prefix (Backstage's location type) is dropped. Nil for anything else.
  public static func parse(_ text: String, patterns: [RepositoryPattern] = []) -> RepositoryLocation? {
    var url = text.trimmingCharacters(in: .whitespaces)
    if url.hasPrefix("url:") { url = String(url.dropFirst(4)) }
    for pattern in patterns {
      if let (repository, path) = pattern.match(url) { return RepositoryLocation(repository: repository, folder: path) }
    }
    if url.hasPrefix("git@"), let colon = url.firstIndex(of: ":") {
      // scp-like: git@github.com:acme/x.git
      let host = String(url[url.index(url.startIndex, offsetBy: 4)..<colon])
      return fromPath(
        host: host, segments: url[url.index(after: colon)...].split(separator: "/").map(String.init), query: "")
    }
    // scheme://[user@]host[:port]/path[?query][#fragment], read by hand: this runs for every
    // entity with a source URL, and Foundation's parser costs several times more.
    guard let schemeEnd = url.range(of: "://"),
      ["https", "http", "ssh", "git"].contains(url[..<schemeEnd.lowerBound].lowercased())
    else { return nil }
    var rest = url[schemeEnd.upperBound...]
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    var query = Substring("")
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    var host = rest[..<authorityEnd]
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
    guard !host.isEmpty else { return nil }
    let segments = rest[authorityEnd...].split(separator: "/").map(String.init)
    return fromPath(host: String(host), segments: segments, query: String(query))
  }

  private static func fromPath(host: String, segments: [String], query: String) -> RepositoryLocation? {
    // Azure DevOps: …/<org>/<project>/_git/<repo>?path=/sub (org in the host for visualstudio.com).
    if let git = segments.firstIndex(of: "_git"), git + 1 < segments.count {
      var owner = Array(segments[..<git])
      if host.lowercased().hasSuffix(".visualstudio.com"), let org = host.split(separator: ".").first {
        owner.insert(String(org), at: 0)
      }
      let path =
        query.split(separator: "&").first { $0.hasPrefix("path=") }.map { String($0.dropFirst(5)) } ?? ""
      return make(host: host, owner: owner.joined(separator: "/"), name: segments[git + 1], folder: path)
    }
    // Bitbucket Server: /projects/<P>/repos/<repo>/browse/<path>
    if segments.count >= 4, segments[0].lowercased() == "projects", segments[2].lowercased() == "repos" {
      let rest = segments.count > 5 && segments[4] == "browse" ? segments[5...].joined(separator: "/") : ""
      return make(host: host, owner: segments[1], name: segments[3], folder: rest)
    }
    // GitLab: /<group…>/<repo>/-/(tree|blob)/<ref>/<path>
    if let dash = segments.firstIndex(of: "-"), dash >= 2 {
      let tail = Array(segments[(dash + 1)...])
      return make(
        host: host, owner: segments[..<(dash - 1)].joined(separator: "/"), name: segments[dash - 1],
        folder: folder(after: tail))
    }
    guard segments.count >= 2 else { return nil }
    if segments[0].lowercased() == "scm", segments.count >= 3 {  // Bitbucket Server clone URL
      return make(host: host, owner: segments[1], name: segments[2], folder: "")
    }
    // GitHub and alike: <owner>/<repo>/tree|blob/<ref>/<path>; Bitbucket Cloud: …/src/<ref>/<path>;
    // with neither, the last segment is the repository and the rest its owner (GitLab subgroups).
    let twoLevel = ["github.com", "bitbucket.org"].contains(host.lowercased())
    if let marker = twoLevel
      ? 2 : segments.indices.dropFirst(2).first(where: { ["tree", "blob", "src"].contains(segments[$0]) }),
      marker <= segments.count
    {
      return make(
        host: host, owner: segments[..<(marker - 1)].joined(separator: "/"), name: segments[marker - 1],
        folder: marker < segments.count ? folder(after: Array(segments[marker...])) : "")
    }
    return make(
      host: host, owner: segments.dropLast().joined(separator: "/"), name: segments[segments.count - 1], folder: "")
  }

  /// The folder after `tree|blob|src/<ref>/`: a `blob` path names a file, whose folder is taken.
  private static func folder(after tail: [String]) -> String {
    guard tail.count >= 2, ["tree", "blob", "src"].contains(tail[0]) else { return "" }
    var parts = Array(tail.dropFirst(2))
    if tail[0] == "blob" || parts.last.map({ $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) == true {
      parts = parts.dropLast()
    }
    return parts.joined(separator: "/")
  }

  private static func make(host: String, owner: String, name: String, folder: String) -> RepositoryLocation? {
    guard let repository = RepositoryIdentity(host: host, owner: owner, name: name) else { return nil }
    let decoded = folder.removingPercentEncoding ?? folder
    let parts = decoded.split(separator: "/").filter { $0 != "." }
    guard !parts.contains("..") else { return RepositoryLocation(repository: repository, folder: "") }
    return RepositoryLocation(repository: repository, folder: parts.joined(separator: "/"))
  }
}

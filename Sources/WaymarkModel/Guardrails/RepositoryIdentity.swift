import Foundation

/// A source repository as far as it is known: host, owner (an organisation, a GitLab group path,
/// an Azure DevOps `org/project`) and name, all lowercased.
///
/// A guardrail result names its repository one way (a SARIF `repositoryUri`, a CI checkout path)
/// and an entity another (`github.com/project-slug`, a `source-location` URL), often with parts
/// missing: two identities match when their names are equal and so are their owners and hosts
/// wherever both sides know them.
public struct RepositoryIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// `github.com`, `gitlab.acme.internal`, or nil when unknown.
  public var host: String?
  /// `acme`, `group/subgroup`, or nil when unknown.
  public var owner: String?
  /// The repository's name, without `.git`.
  public var name: String

  /// An identity; the parts are lowercased and a `.git` suffix is dropped from the name.
  public init?(host: String?, owner: String?, name: String) {
    var name = name.lowercased()
    if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
    guard !name.isEmpty else { return nil }
    self.host = host.flatMap { $0.isEmpty ? nil : $0.lowercased() }
    self.owner = owner.flatMap { $0.isEmpty ? nil : $0.lowercased() }
    self.name = name
  }

  /// An `owner/name` slug (`github.com/project-slug`, `waymark.dev/repository`), or a bare name.
  public init?(slug: String, host: String? = nil) {
    let parts = slug.trimmingCharacters(in: .whitespaces).split(separator: "/").map(String.init)
    guard let last = parts.last else { return nil }
    self.init(host: host, owner: parts.dropLast().joined(separator: "/"), name: last)
  }

  /// `host/owner/name` with the unknown parts left out.
  public var description: String { [host, owner, name].compactMap { $0 }.joined(separator: "/") }

  /// Whether both name the same repository as far as both know it.
  public func matches(_ other: RepositoryIdentity) -> Bool {
    guard name == other.name else { return false }
    if let owner, let otherOwner = other.owner, owner != otherOwner { return false }
    if let host, let otherHost = other.host, host != otherHost { return false }
    return true
  }

  public static func < (lhs: RepositoryIdentity, rhs: RepositoryIdentity) -> Bool { lhs.description < rhs.description }
}

import StructuredData
import WaymarkModel

/// Which entities claim which repositories, and folders inside them, from their annotations:
/// `backstage.io/source-location` URLs (a subfolder, or the whole repository),
/// `backstage.io/managed-by-location` URLs (the catalog file's folder), and
/// `github.com/project-slug` / `gitlab.com/project-slug` (the whole repository).
package struct RepositoryClaimIndex: Sendable {
  package struct Claim: Sendable {
    package var repository: RepositoryIdentity
    /// The folder inside the repository, "" for all of it.
    package var folder: String
    package var ref: EntityRef
    /// 0 for a `source-location`, 1 for a `managed-by-location`, 2 for a project slug.
    package var origin: Int
    package var kindRank: Int
    /// How many segments `folder` has (0 for the whole repository).
    package var depth: Int { folder.isEmpty ? 0 : folder.utf8.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
  }

  /// What the repository step decides for one result.
  package enum Outcome: Sendable, Equatable {
    /// No entity claims the repository: the next rule is tried.
    case notClaimed
    case mapped(EntityRef, GuardrailMappingRule)
    /// The repository is claimed, but by several entities equally (or, with no entity, in
    /// none of the folders its entities claim): unmapped.
    case ambiguous([EntityRef])
  }

  package static let slugAnnotations = [
    "github.com/project-slug": "github.com", "gitlab.com/project-slug": "gitlab.com",
  ]
  package static let managedByLocationAnnotation = "backstage.io/managed-by-location"

  /// Claims by repository name.
  private let byName: [String: [Claim]]

  /// Whether any entity claims a repository.
  package var isEmpty: Bool { byName.isEmpty }

  /// Indexes the repository annotations of Components, Resources and APIs; `patterns` read
  /// source URLs of hosts laid out otherwise.
  package init(catalog: Catalog, patterns: [RepositoryPattern]) {
    var byName: [String: [Claim]] = [:]
    for entity in catalog.entities {
      guard let kindRank = GuardrailMapper.folderKinds.firstIndex(of: entity.ref.kind.lowercased()) else { continue }
      let annotations = entity.document["metadata"]?["annotations"]
      func add(_ repository: RepositoryIdentity, _ folder: String, _ origin: Int) {
        byName[repository.name, default: []].append(
          Claim(repository: repository, folder: folder, ref: entity.ref, origin: origin, kindRank: kindRank))
      }
      for (key, _) in Self.slugAnnotations.sorted(by: { $0.key < $1.key }) {
        // The host is left open: self-hosted GitLab and GitHub Enterprise use the same keys.
        if let slug = annotations?[key]?.stringValue, let repository = RepositoryIdentity(slug: slug),
          slug.contains("/")
        {
          add(repository, "", 2)
        }
      }
      if let text = annotations?[GuardrailMapper.sourceLocationAnnotation]?.stringValue, !text.hasPrefix("dir:"),
        let location = RepositoryLocation.parse(text, patterns: patterns)
      {
        add(location.repository, location.folder, 0)
      }
      if let text = annotations?[Self.managedByLocationAnnotation]?.stringValue, text.hasPrefix("url:"),
        let location = RepositoryLocation.parse(text, patterns: patterns)
      {
        add(location.repository, location.folder, 1)
      }
    }
    self.byName = byName
  }

  /// The entity for a file at `path` (repository-relative, nil when unknown) in `repository`:
  /// the deepest claimed folder holding it, then a `source-location` over a `managed-by-location`
  /// over a slug, then a Component over a Resource over an API.
  package func entity(in repository: RepositoryIdentity, path: String?) -> Outcome {
    guard let named = byName[repository.name] else { return .notClaimed }
    // One pass keeping the best (depth, origin, kind) and the entities that reach it.
    var matched = false
    var best: (depth: Int, origin: Int, kindRank: Int)?
    var winners: [EntityRef] = []
    for claim in named where claim.repository.matches(repository) {
      matched = true
      let holds = claim.folder.isEmpty || path.map { $0 == claim.folder || $0.hasPrefix(claim.folder + "/") } == true
      guard holds else { continue }
      let rank = (depth: claim.depth, origin: claim.origin, kindRank: claim.kindRank)
      if let current = best {
        let worse =
          rank.depth < current.depth
          || (rank.depth == current.depth && (rank.origin, rank.kindRank) > (current.origin, current.kindRank))
        if worse { continue }
        if rank != current { winners = [] }
      }
      best = rank
      if !winners.contains(claim.ref) { winners.append(claim.ref) }
    }
    guard matched else { return .notClaimed }
    guard let best else { return .ambiguous([]) }
    guard winners.count == 1, let ref = winners.first else { return .ambiguous(winners.sorted()) }
    return .mapped(ref, best.depth == 0 ? .repository : .repositoryFolder)
  }
}

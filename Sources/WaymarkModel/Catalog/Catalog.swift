/// Every entity of the site, sorted by canonical reference, with lookups.
public struct Catalog: Sendable, Hashable {
  /// The entities, sorted by canonical reference.
  public let entities: [Entity]
  private let index: [EntityRef: Int]
  /// The group tree and memberships, from the entities' relations.
  public let groupHierarchy: GroupHierarchy
  /// Entities referred to but provided outside the repository (`catalog.external`), sorted.
  public let external: [ExternalEntity]
  /// Titles (lowercased) that more than one entity has: pages show those entities' references too.
  public let sharedTitles: Set<String>

  /// Creates a catalog; entities are sorted and the first of any duplicate reference wins.
  public init(entities: [Entity], external: [ExternalEntity] = []) {
    var sorted = entities.sorted { lhs, rhs in
      if lhs.ref != rhs.ref { return lhs.ref < rhs.ref }
      return (lhs.source.path, lhs.source.line) < (rhs.source.path, rhs.source.line)
    }
    var index: [EntityRef: Int] = [:]
    var unique: [Entity] = []
    unique.reserveCapacity(sorted.count)
    for entity in sorted where index[entity.ref] == nil {
      index[entity.ref] = unique.count
      unique.append(entity)
    }
    sorted = unique
    self.entities = sorted
    self.index = index
    self.groupHierarchy = GroupHierarchy(entities: sorted)
    self.external = external.sorted()
    var titleCounts: [String: Int] = [:]
    for entity in sorted { titleCounts[entity.title.lowercased(), default: 0] += 1 }
    self.sharedTitles = Set(titleCounts.filter { $0.value > 1 }.keys)
  }

  /// Whether another entity has the same title as the entity `ref` (case-insensitively).
  public func sharesTitle(_ ref: EntityRef) -> Bool {
    guard let entity = self[ref] else { return false }
    return sharedTitles.contains(entity.title.lowercased())
  }

  /// The entity with reference `ref`, if any.
  public subscript(ref: EntityRef) -> Entity? {
    index[ref].map { entities[$0] }
  }

  /// Whether an entity with reference `ref` exists (without copying it).
  public func contains(_ ref: EntityRef) -> Bool {
    index[ref] != nil
  }

  /// How many entities of each kind, keyed by lowercased kind.
  public var countsByKind: [String: Int] {
    Dictionary(grouping: entities, by: { $0.ref.kind.lowercased() }).mapValues(\.count)
  }

  /// Every group `user` belongs to, directly or through a sub-group, sorted by reference.
  public func groups(containing user: EntityRef) -> [EntityRef] {
    groupHierarchy.groups(containing: user)
  }

  /// Whether `user` is a member of `group` or of any group below it (scorecard waivers).
  public func isMember(_ user: EntityRef, ofGroupOrDescendants group: EntityRef) -> Bool {
    groupHierarchy.isMember(user, ofGroupOrDescendants: group)
  }
}

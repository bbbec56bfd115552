/// Who belongs to which group, transitively through the group tree (for waiver approval).
///
/// A user belongs to the groups it is a `memberOf` and to all their ancestors (`childOf`).
/// - Complexity: O(groups + relations) to build; each query walks one user's ancestors.
public struct GroupMembership: Sendable {
  private let parents: [EntityRef: [EntityRef]]
  private let directGroups: [EntityRef: [EntityRef]]

  /// Indexes the catalog's `memberOf` and `childOf` relations.
  public init(catalog: Catalog) {
    var parents: [EntityRef: [EntityRef]] = [:]
    var direct: [EntityRef: [EntityRef]] = [:]
    for entity in catalog.entities {
      for relation in entity.relations {
        switch relation.type {
        case "childOf": parents[entity.ref, default: []].append(relation.target)
        case "memberOf": direct[entity.ref, default: []].append(relation.target)
        default: break
        }
      }
    }
    self.parents = parents
    self.directGroups = direct
  }

  /// Every group `user` belongs to, directly or through sub-groups, sorted.
  public func groups(of user: EntityRef) -> [EntityRef] {
    var seen = Set<EntityRef>()
    var pending = directGroups[user] ?? []
    while let group = pending.popLast() {
      guard seen.insert(group).inserted else { continue }
      pending += parents[group] ?? []
    }
    return seen.sorted()
  }

  /// Whether `user` belongs to `group` or one of its descendants.
  public func isMember(_ user: EntityRef, of group: EntityRef) -> Bool {
    groups(of: user).contains(group)
  }
}

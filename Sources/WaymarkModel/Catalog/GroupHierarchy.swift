/// The group tree and who belongs where, from the catalog's `childOf` and `memberOf` relations.
///
/// Backstage derives `childOf` from both a group's `parent` and its parent's `children`, and
/// does not check that the two agree; neither does this. Transitive membership follows parents
/// upwards, so a member of `payments` is also in `engineering` and `acme` (what scorecard
/// waivers granted to a department need). Every walk is cycle-safe; cycles are reported once by
/// `cycles()`.
public struct GroupHierarchy: Sendable, Hashable {
  /// Each group's direct parents, sorted.
  public let parents: [EntityRef: [EntityRef]]
  /// Each user's direct groups, sorted.
  public let directGroups: [EntityRef: [EntityRef]]

  /// Builds the hierarchy from entities whose relations are already derived. Relations to
  /// entities provided outside the repository count from the side written here: a Group's
  /// `members: [jdoe]` puts the external `user:default/jdoe` in it, a User's `memberOf` may name
  /// an external Group, and a Group's `children` or `parent` may be external.
  public init(entities: [Entity]) {
    var parents: [EntityRef: Set<EntityRef>] = [:]
    var directGroups: [EntityRef: Set<EntityRef>] = [:]
    func isGroup(_ ref: EntityRef) -> Bool { ref.kind.lowercased() == "group" }
    for entity in entities {
      switch entity.ref.kind.lowercased() {
      case "group":
        let found = (entity.targets(of: "childOf") + entity.externalTargets(of: "childOf")).filter(isGroup)
        if !found.isEmpty { parents[entity.ref, default: []].formUnion(found) }
        for child in entity.externalTargets(of: "parentOf") where isGroup(child) {
          parents[child, default: []].insert(entity.ref)
        }
        for member in entity.externalTargets(of: "hasMember") {
          directGroups[member, default: []].insert(entity.ref)
        }
      case "user":
        let found = (entity.targets(of: "memberOf") + entity.externalTargets(of: "memberOf")).filter(isGroup)
        if !found.isEmpty { directGroups[entity.ref, default: []].formUnion(found) }
      default:
        continue
      }
    }
    self.parents = parents.mapValues { $0.sorted() }
    self.directGroups = directGroups.mapValues { $0.sorted() }
  }

  /// `group` and every group above it, sorted by reference.
  public func ancestors(of group: EntityRef, includingSelf: Bool = true) -> [EntityRef] {
    var seen: Set<EntityRef> = includingSelf ? [group] : []
    var queue = parents[group] ?? []
    while let next = queue.popLast() {
      guard seen.insert(next).inserted else { continue }
      queue += parents[next] ?? []
    }
    return seen.sorted()
  }

  /// Every group `user` belongs to, directly or through a sub-group, sorted by reference.
  public func groups(containing user: EntityRef) -> [EntityRef] {
    var all = Set<EntityRef>()
    for group in directGroups[user] ?? [] {
      all.formUnion(ancestors(of: group))
    }
    return all.sorted()
  }

  /// Whether `user` is a member of `group` or of any group below it.
  public func isMember(_ user: EntityRef, ofGroupOrDescendants group: EntityRef) -> Bool {
    (directGroups[user] ?? []).contains { ancestors(of: $0).contains(group) }
  }

  /// Each cycle of groups, starting at its smallest reference, sorted.
  public func cycles() -> [[EntityRef]] {
    var state: [EntityRef: Bool] = [:]  // false: on the current path, true: finished
    var stack: [EntityRef] = []
    var found = Set<[EntityRef]>()

    func visit(_ group: EntityRef) {
      state[group] = false
      stack.append(group)
      for parent in parents[group] ?? [] {
        switch state[parent] {
        case .none:
          visit(parent)
        case .some(false):
          guard let start = stack.lastIndex(of: parent) else { continue }
          let cycle = Array(stack[start...])
          if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
            found.insert(Array(cycle[smallest...] + cycle[..<smallest]))
          }
        case .some(true):
          continue
        }
      }
      stack.removeLast()
      state[group] = true
    }

    for group in parents.keys.sorted() where state[group] == nil {
      visit(group)
    }
    return found.sorted { $0.lexicographicallyPrecedes($1) }
  }
}

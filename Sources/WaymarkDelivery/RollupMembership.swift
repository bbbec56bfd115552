import WaymarkModel

/// Which systems, domains and groups a component's figures roll up into.
///
/// A component belongs to its system (`spec.system`), that system's domain and the domain's
/// parent domains (`spec.subdomainOf`), and to its owning group and every group above it
/// (`spec.parent`/`childOf`). Every system, domain and group of the catalog gets a sample, empty
/// when none of its components has events. Cycles in the catalog are walked once.
package struct RollupMembership {
  package let catalog: Catalog
  package var systems: [EntityRef: DeliverySample] = [:]
  package var domains: [EntityRef: DeliverySample] = [:]
  package var groups: [EntityRef: DeliverySample] = [:]

  package init(catalog: Catalog) {
    self.catalog = catalog
    for entity in catalog.entities {
      switch entity.ref.kind.lowercased() {
      case "system": systems[entity.ref] = DeliverySample()
      case "domain": domains[entity.ref] = DeliverySample()
      case "group": groups[entity.ref] = DeliverySample()
      default: break
      }
    }
  }

  package mutating func add(_ component: Entity, sample: DeliverySample) {
    for system in targets(component, "partOf", kind: "system") {
      systems[system]?.merge(sample)
      for domain in closure(from: targets(catalog[system], "partOf", kind: "domain"), via: "partOf", kind: "domain") {
        domains[domain]?.merge(sample)
      }
    }
    for group in closure(from: targets(component, "ownedBy", kind: "group"), via: "childOf", kind: "group") {
      groups[group]?.merge(sample)
    }
  }

  private func targets(_ entity: Entity?, _ relation: String, kind: String) -> [EntityRef] {
    (entity?.targets(of: relation) ?? []).filter { $0.kind.lowercased() == kind && catalog[$0] != nil }
  }

  /// `start` and everything reachable from it along `relation`, each once, sorted.
  private func closure(from start: [EntityRef], via relation: String, kind: String) -> [EntityRef] {
    var seen = Set<EntityRef>()
    var queue = start
    while let next = queue.popLast() {
      guard seen.insert(next).inserted else { continue }
      queue += targets(catalog[next], relation, kind: kind)
    }
    return seen.sorted()
  }
}

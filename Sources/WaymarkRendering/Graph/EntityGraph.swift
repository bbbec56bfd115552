import WaymarkModel

/// A small directed graph of entities placed in layers (columns), ready for layout.
public struct EntityGraph: Sendable, Hashable {
  /// A node: an entity in a layer.
  public struct Node: Sendable, Hashable {
    /// The entity.
    public var ref: EntityRef
    /// The label shown (the entity's title).
    public var label: String
    /// The column, negative for upstream, 0 for the centre.
    public var layer: Int
    /// Whether this is the entity the graph is about.
    public var isCentre: Bool
  }

  /// An edge `from → to` ("from depends on to").
  public struct Edge: Sendable, Hashable {
    /// The depending entity.
    public var from: EntityRef
    /// The entity depended on.
    public var to: EntityRef
  }

  /// Nodes sorted by (layer, kind, name).
  public var nodes: [Node]
  /// Edges between nodes, sorted.
  public var edges: [Edge]

  /// The dependency neighbourhood of `centre`: what it needs (to the right) and what needs it
  /// (to the left), up to `hops` steps, through `dependsOn`, `consumesApi` and API providers.
  /// - Complexity: O(V + E) over the catalog's relations, visiting each entity at most once.
  public static func neighbourhood(of centre: EntityRef, in catalog: Catalog, hops: Int = 2) -> EntityGraph {
    neighbourhood(of: centre, in: catalog, edges: DependencyEdges(catalog: catalog), hops: hops)
  }

  /// The same, over edges indexed once for the whole catalog (pages call this per entity).
  public static func neighbourhood(of centre: EntityRef, in catalog: Catalog, edges: DependencyEdges, hops: Int = 2)
    -> EntityGraph
  {
    let downstream = edges.downstream
    let upstream = edges.upstream
    var layers: [EntityRef: Int] = [centre: 0]
    for (direction, adjacency) in [(1, downstream), (-1, upstream)] {
      var frontier = [centre]
      for hop in 1...max(1, hops) {
        var next: [EntityRef] = []
        for node in frontier {
          for neighbour in adjacency[node] ?? [] where layers[neighbour] == nil {
            layers[neighbour] = direction * hop
            next.append(neighbour)
          }
        }
        frontier = next
      }
    }
    let nodes = layers.map { ref, layer in
      Node(ref: catalog[ref]?.ref ?? ref, label: catalog[ref]?.title ?? ref.name, layer: layer, isCentre: ref == centre)
    }.sorted { ($0.layer, $0.ref) < ($1.layer, $1.ref) }
    // Each node once, each of its targets once: no edge twice.
    var found: [Edge] = []
    for from in layers.keys {
      for to in downstream[from] ?? [] where layers[to] != nil { found.append(Edge(from: from, to: to)) }
    }
    return EntityGraph(nodes: nodes, edges: found.sorted { ($0.from, $0.to) < ($1.from, $1.to) })
  }

  /// The parts of a system or domain (`hasPart`, transitively for domains) in columns by kind:
  /// APIs, then components, then resources, with the dependencies among them.
  public static func map(of whole: EntityRef, in catalog: Catalog) -> EntityGraph {
    map(of: whole, in: catalog, edges: DependencyEdges(catalog: catalog))
  }

  /// The same, over edges indexed once for the whole catalog.
  public static func map(of whole: EntityRef, in catalog: Catalog, edges dependencyEdges: DependencyEdges)
    -> EntityGraph
  {
    var parts = Set<EntityRef>()
    var pending = catalog[whole]?.targets(of: "hasPart") ?? []
    while let part = pending.popLast() {
      guard parts.insert(part).inserted else { continue }
      if part.kind.lowercased() == "system" { pending += catalog[part]?.targets(of: "hasPart") ?? [] }
    }
    let column = ["system": 0, "api": 1, "component": 2, "resource": 3]
    let nodes = parts.map { ref in
      Node(
        ref: catalog[ref]?.ref ?? ref, label: catalog[ref]?.title ?? ref.name,
        layer: column[ref.kind.lowercased()] ?? 4, isCentre: false)
    }.sorted { ($0.layer, $0.ref) < ($1.layer, $1.ref) }
    var edges: [Edge] = []
    for from in parts {
      for to in dependencyEdges.downstream[from] ?? [] where parts.contains(to) {
        edges.append(Edge(from: from, to: to))
      }
    }
    for node in nodes where node.ref.kind.lowercased() != "system" {
      for system in catalog[node.ref]?.targets(of: "partOf") ?? []
      where parts.contains(system) && system.kind.lowercased() == "system" {
        edges.append(Edge(from: system, to: node.ref))
      }
    }
    return EntityGraph(nodes: nodes, edges: Array(Set(edges)).sorted { ($0.from, $0.to) < ($1.from, $1.to) })
  }

  /// "A depends on B" edges: `dependsOn`, `consumesApi`, and an API on the component providing it.
  package static func dependencies(in catalog: Catalog) -> [EntityRef: [EntityRef]] {
    var edges: [EntityRef: [EntityRef]] = [:]
    for entity in catalog.entities {
      for relation in entity.relations {
        switch relation.type {
        case "dependsOn", "consumesApi": edges[entity.ref, default: []].append(relation.target)
        case "providesApi": edges[relation.target, default: []].append(entity.ref)
        default: break
        }
      }
    }
    return edges
  }
}

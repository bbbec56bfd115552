import WaymarkModel

/// The catalog's "depends on" edges in both directions, indexed once.
public struct DependencyEdges: Sendable {
  /// Entity → what it depends on, sorted, each once.
  public let downstream: [EntityRef: [EntityRef]]
  /// Entity → what depends on it, sorted, each once.
  public let upstream: [EntityRef: [EntityRef]]

  /// Indexes `catalog`'s `dependsOn`, `consumesApi` and `providesApi` relations.
  public init(catalog: Catalog) {
    let downstream = EntityGraph.dependencies(in: catalog)
    var upstream: [EntityRef: [EntityRef]] = [:]
    for (from, targets) in downstream {
      for to in targets { upstream[to, default: []].append(from) }
    }
    // Each list sorted and without repeats once here, not for every page that walks it.
    self.downstream = downstream.mapValues(Self.sortedUnique)
    self.upstream = upstream.mapValues(Self.sortedUnique)
  }

  private static func sortedUnique(_ refs: [EntityRef]) -> [EntityRef] {
    var unique: [EntityRef] = []
    for ref in refs.sorted() where unique.last != ref { unique.append(ref) }
    return unique
  }
}

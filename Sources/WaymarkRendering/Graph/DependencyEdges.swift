import WaymarkModel

/// The catalog's "depends on" edges in both directions, indexed once.
public struct DependencyEdges: Sendable {
  /// Entity → what it depends on.
  public let downstream: [EntityRef: [EntityRef]]
  /// Entity → what depends on it.
  public let upstream: [EntityRef: [EntityRef]]

  /// Indexes `catalog`'s `dependsOn`, `consumesApi` and `providesApi` relations.
  public init(catalog: Catalog) {
    let downstream = EntityGraph.dependencies(in: catalog)
    var upstream: [EntityRef: [EntityRef]] = [:]
    for (from, targets) in downstream {
      for to in targets { upstream[to, default: []].append(from) }
    }
    self.downstream = downstream
    self.upstream = upstream
  }
}

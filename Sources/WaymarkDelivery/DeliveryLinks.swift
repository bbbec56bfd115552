import WaymarkModel

/// The joins between events that do not depend on which component they belong to.
///
/// - A *flow* is every event connected by a shared `context.chainId` or a `links` entry naming
///   another event's `context.id` (union–find over those ids); a change and a deployment in one
///   flow are the same change travelling to production.
/// - An `artifact.packaged` event links its artifact to the change it was built from.
/// - A change's time is the earliest time any event reports for it (commit, merge).
package struct DeliveryLinks: Sendable {
  /// The flow of each event (by index), or -1 for events with no CDEvents context.
  package let flows: [Int32]
  /// The changes in each flow.
  package let flowChanges: [Int32: [UInt64]]
  /// The changes each artifact was packaged from.
  package let artifactChanges: [UInt64: [UInt64]]
  /// Each change's time, in milliseconds.
  package let changeTimes: [UInt64: Int64]

  package init(_ events: [DeliveryEvent]) {
    var nodes: [UInt64: Int32] = [:]
    var parent: [Int32] = []
    // Most events bring one context id: sized once, not grown through a million rehashes.
    nodes.reserveCapacity(events.count)
    parent.reserveCapacity(events.count)
    func node(_ key: UInt64) -> Int32 {
      if let found = nodes[key] { return found }
      let id = Int32(parent.count)
      parent.append(id)
      nodes[key] = id
      return id
    }
    func find(_ start: Int32) -> Int32 {
      var root = start
      while parent[Int(root)] != root { root = parent[Int(root)] }
      var current = start
      while parent[Int(current)] != root {
        let next = parent[Int(current)]
        parent[Int(current)] = root
        current = next
      }
      return root
    }
    func union(_ a: Int32, _ b: Int32) {
      let (ra, rb) = (find(a), find(b))
      if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
    }
    // Chain ids and context ids are different namespaces: keep their keys apart.
    let chainSalt: UInt64 = 0x5bd1_e995_0000_0001
    var contextNodes = [Int32](repeating: -1, count: events.count)
    for (index, event) in events.enumerated() where event.context != 0 {
      let own = node(event.context)
      contextNodes[index] = own
      if event.chain != 0 { union(own, node(event.chain ^ chainSalt)) }
      for link in event.links { union(own, node(link)) }
    }
    var flows = [Int32](repeating: -1, count: events.count)
    var flowChanges: [Int32: [UInt64]] = [:]
    var artifactChanges: [UInt64: [UInt64]] = [:]
    var changeTimes: [UInt64: Int64] = [:]
    for (index, event) in events.enumerated() {
      if contextNodes[index] >= 0 { flows[index] = find(contextNodes[index]) }
      switch event.kind {
      case .change where event.change != 0:
        let time = event.time.millisecondsSinceEpoch
        if let known = changeTimes[event.change] {
          changeTimes[event.change] = min(known, time)
        } else {
          changeTimes[event.change] = time
        }
        if flows[index] >= 0 { flowChanges[flows[index], default: []].append(event.change) }
      case .artifactPackaged where event.change != 0 && event.artifact != 0:
        artifactChanges[event.artifact, default: []].append(event.change)
      default: break
      }
    }
    self.flows = flows
    self.flowChanges = flowChanges
    self.artifactChanges = artifactChanges
    self.changeTimes = changeTimes
  }
}

import WaymarkModel

/// Computes one component's `DeliverySample` from its events and the global links.
///
/// The rules, each chosen to avoid a Four Keys fault (`../shared/reference/dora.md` §2):
/// - A deployment is a production deployment event, whether or not any change links to it, so
///   deployments with no linked change still count for frequency and failure rate.
/// - A change counts once, at its first production deployment: linked through its flow (chain
///   or links), the artifact packaged from it, or — for commits — any production deployment of a
///   commit at least as new from the same component (a deployment ships everything before it,
///   not only the commits of one push).
/// - A deployment fails when a rollback follows it (before the next deployment) or when an
///   incident is attributed to it: the latest production deployment before the incident
///   started with the same artifact or in the same flow, else the latest production deployment
///   before it. Each deployment fails at most once, so the rate never exceeds 100%.
/// - Recovery runs from the incident's start (or the failing deployment, for a rollback) to its
///   resolution (or the rollback). Open incidents count as failures but not as recoveries.
/// - A deployment is rework when made while an incident of the component is open.
package struct ComponentDeliveryEvaluator {
  package let events: [DeliveryEvent]
  package let links: DeliveryLinks
  package let settings: MetricsSettings
  package let window: MetricWindow

  /// What one component gave.
  package struct Figures: Sendable {
    package var sample = DeliverySample()
    /// Its first event and first production deployment, for golden-path lead time.
    package var firstEvent: Int64?
    package var firstProductionDeployment: Int64?
  }

  package struct Incident {
    package var start: Int64?
    package var resolved: Int64?
    package var artifact: UInt64 = 0
    package var flow: Int32 = -1
  }

  package func figures(for indices: [Int]) -> Figures {
    var figures = Figures()
    figures.sample.events = indices.count
    figures.firstEvent = indices.map { events[$0].time.millisecondsSinceEpoch }.min()
    let deploys = indices.filter { index in
      let event = events[index]
      return event.kind == .deployment && (event.productionFlag == true || settings.isProduction(event.environment))
    }.sorted { order(events[$0], events[$1]) }
    figures.firstProductionDeployment = deploys.first.map { events[$0].time.millisecondsSinceEpoch }
    let times = deploys.map { events[$0].time.millisecondsSinceEpoch }

    // Lead time: each change's first production deployment.
    let firstDeployments = firstDeployments(deploys: deploys, indices: indices)
    for (change, deployed) in firstDeployments where window.contains(deployed) {
      guard let changed = links.changeTimes[change] else { continue }
      figures.sample.changes.append(.init(deployedAt: deployed, hours: Double(deployed - changed) / 3_600_000))
    }
    figures.sample.changes.sort { ($0.deployedAt, $0.hours) < ($1.deployedAt, $1.hours) }

    // Failures: rollbacks and attributed incidents.
    var incidentsByDeploy: [Int: [Incident]] = [:]
    var rollbackByDeploy: [Int: Int64] = [:]
    let incidents = incidents(in: indices)
    for incident in incidents {
      guard let start = incident.start, let latest = lastIndex(in: times, atOrBefore: start) else { continue }
      var chosen = latest
      for position in stride(from: latest, through: 0, by: -1) {
        let deploy = events[deploys[position]]
        let sameArtifact = incident.artifact != 0 && deploy.artifact == incident.artifact
        let sameFlow = incident.flow >= 0 && links.flows[deploys[position]] == incident.flow
        if sameArtifact || sameFlow {
          chosen = position
          break
        }
      }
      incidentsByDeploy[chosen, default: []].append(incident)
    }
    for index in indices where events[index].kind == .rollback {
      let rollback = events[index]
      guard
        rollback.environment == nil || rollback.productionFlag == true || settings.isProduction(rollback.environment),
        let position = lastIndex(in: times, atOrBefore: rollback.time.millisecondsSinceEpoch)
      else { continue }
      let time = rollback.time.millisecondsSinceEpoch
      rollbackByDeploy[position] = min(rollbackByDeploy[position] ?? time, time)
    }

    for (position, time) in times.enumerated() where window.contains(time) {
      let attributed = incidentsByDeploy[position] ?? []
      let rollback = rollbackByDeploy[position]
      let failed = !attributed.isEmpty || rollback != nil
      let rework = incidents.contains { incident in
        guard let start = incident.start else { return false }
        return start <= time && (incident.resolved.map { time < $0 } ?? true)
      }
      figures.sample.deployments.append(.init(time: time, failed: failed, rework: rework))
      if !attributed.isEmpty {
        let starts = attributed.compactMap(\.start)
        let ends = attributed.map(\.resolved)
        if ends.contains(where: { $0 == nil }) {
          figures.sample.openFailures += 1
        } else if let start = starts.min(), let end = ends.compactMap({ $0 }).max() {
          figures.sample.recoveries.append(Double(max(0, end - start)) / 3_600_000)
        }
      } else if let rollback {
        figures.sample.recoveries.append(Double(max(0, rollback - time)) / 3_600_000)
      }
    }

    // CI health.
    for index in indices where events[index].kind == .pipelineFinished {
      let run = events[index]
      guard window.contains(run.time.millisecondsSinceEpoch), let succeeded = run.succeeded else { continue }
      figures.sample.pipelineRuns += 1
      if succeeded { figures.sample.pipelineSuccesses += 1 }
      if let duration = run.durationMilliseconds { figures.sample.pipelineMinutes.append(Double(duration) / 60_000) }
    }
    return figures
  }

  /// Each change's first production deployment time, by change.
  private func firstDeployments(deploys: [Int], indices: [Int]) -> [UInt64: Int64] {
    var first: [UInt64: Int64] = [:]
    // The component's own changes by time, for "a deployment ships every earlier commit".
    var seen = Set<UInt64>()
    var own: [(time: Int64, change: UInt64)] = []
    for index in indices where events[index].kind == .change && events[index].change != 0 {
      let change = events[index].change
      if seen.insert(change).inserted, let time = links.changeTimes[change] { own.append((time, change)) }
    }
    own.sort { ($0.time, $0.change) < ($1.time, $1.change) }
    var next = 0
    for index in deploys {
      let deploy = events[index]
      let time = deploy.time.millisecondsSinceEpoch
      var linked: [UInt64] = []
      if links.flows[index] >= 0, let changes = links.flowChanges[links.flows[index]] { linked += changes }
      if deploy.artifact != 0, let changes = links.artifactChanges[deploy.artifact] { linked += changes }
      for change in linked where first[change] == nil {
        if let changed = links.changeTimes[change], changed <= time { first[change] = time }
      }
      if deploy.change != 0, let shipped = links.changeTimes[deploy.change] {
        let cover = min(shipped, time)
        while next < own.count, own[next].time <= cover {
          if first[own[next].change] == nil { first[own[next].change] = time }
          next += 1
        }
      }
    }
    return first
  }

  /// The component's incidents, by identity, sorted by start.
  private func incidents(in indices: [Int]) -> [Incident] {
    var byId: [UInt64: Incident] = [:]
    for index in indices {
      let event = events[index]
      guard event.kind == .incidentStarted || event.kind == .incidentResolved else { continue }
      var incident = byId[event.incident] ?? Incident()
      let time = event.time.millisecondsSinceEpoch
      if event.kind == .incidentStarted {
        incident.start = min(incident.start ?? time, time)
      } else {
        incident.resolved = max(incident.resolved ?? time, time)
      }
      if incident.artifact == 0 { incident.artifact = event.artifact }
      if incident.flow < 0 { incident.flow = links.flows[index] }
      byId[event.incident] = incident
    }
    return byId.sorted { $0.key < $1.key }.map(\.value).sorted { ($0.start ?? .max) < ($1.start ?? .max) }
  }

  /// The last position in ascending `times` at or before `time`.
  private func lastIndex(in times: [Int64], atOrBefore time: Int64) -> Int? {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] <= time { low = middle + 1 } else { high = middle }
    }
    return low > 0 ? low - 1 : nil
  }

  private func order(_ a: DeliveryEvent, _ b: DeliveryEvent) -> Bool {
    (a.time.millisecondsSinceEpoch, a.identity) < (b.time.millisecondsSinceEpoch, b.identity)
  }
}

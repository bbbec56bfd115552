import StructuredData
import WaymarkModel

/// Delivery rollups: rows mapped to components like raw events, added to their samples, and
/// checked against raw events and each other for the same component and day.
extension DORAEvaluator {
  /// The event type unmapped rollup rows are listed under.
  static let rollupType = "waymark.delivery-rollup"

  /// Each component's rows, and the unmapped rows by subject.
  func assign(
    _ rollups: [DeliveryRollup], mapper: EventMapper
  ) -> ([[DeliveryRollup]], [DeliveryMetrics.UnmappedSubject]) {
    var byComponent = Array(repeating: [DeliveryRollup](), count: mapper.components.count)
    var unmapped: [String: DeliveryMetrics.UnmappedSubject] = [:]
    for row in rollups {
      if let component = mapper.component(subject: row.subject, repository: row.repository, purlName: row.purlName) {
        byComponent[component].append(row)
      } else {
        let label = row.subjectLabel
        unmapped[label, default: .init(subject: label, events: 0, types: [:])].events += row.events
        unmapped[label, default: .init(subject: label, events: 0, types: [:])].types[Self.rollupType, default: 0] +=
          row.events
      }
    }
    return (byComponent, Array(unmapped.values))
  }

  /// The unmapped subjects of events and of rollups, one entry per subject, sorted.
  static func merged(
    _ events: [DeliveryMetrics.UnmappedSubject], _ rows: [DeliveryMetrics.UnmappedSubject]
  ) -> [DeliveryMetrics.UnmappedSubject] {
    var bySubject = Dictionary(uniqueKeysWithValues: events.map { ($0.subject, $0) })
    for row in rows {
      var entry = bySubject[row.subject] ?? .init(subject: row.subject, events: 0, types: [:])
      entry.events += row.events
      entry.types.merge(row.types, uniquingKeysWith: +)
      bySubject[row.subject] = entry
    }
    return bySubject.values.sorted { $0.subject.utf8.lexicographicallyPrecedes($1.subject.utf8) }
  }

  /// A component's figures with its rows added; first event and first production deployment
  /// from rows are their day's start.
  static func adding(
    _ rows: [DeliveryRollup], to figure: ComponentDeliveryEvaluator.Figures, window: MetricWindow
  ) -> ComponentDeliveryEvaluator.Figures {
    var figure = figure
    for row in rows {
      row.add(to: &figure.sample, window: window)
      if row.events > 0 { figure.firstEvent = min(figure.firstEvent ?? row.dayStart, row.dayStart) }
      if row.deployments > 0 {
        figure.firstProductionDeployment = min(figure.firstProductionDeployment ?? row.dayStart, row.dayStart)
      }
    }
    return figure
  }

  /// `events.rollup-overlap` for each row whose component and day raw events also cover, or
  /// whose subject and day an earlier row also covers: their figures would be counted twice.
  /// (A component's day comes from raw events or from rollups, never both: the job attributes
  /// incidents and links changes over all of a subject's events.)
  func overlaps(
    _ rollups: [[DeliveryRollup]], events: [DeliveryEvent], byComponent: [[Int]], mapper: EventMapper
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (component, rows) in rollups.enumerated() where !rows.isEmpty {
      var rawDays: [Int64: Int] = [:]
      for index in byComponent[component] {
        rawDays[MetricSummary.day(of: events[index].time.millisecondsSinceEpoch), default: 0] += 1
      }
      let ref = mapper.components[component].ref.canonical
      var seen: [String: DeliveryRollup] = [:]
      for row in rows {
        let day = Timestamp(millisecondsSinceEpoch: row.dayStart).description.prefix(10)
        if let raw = rawDays[row.day] {
          diagnostics.append(
            .error(
              .eventsRollupOverlap,
              "the rollup of '\(row.subjectLabel)' for \(day) overlaps \(raw) raw event\(raw == 1 ? "" : "s") of "
                + "\(ref) that day; they would be counted twice", at: row.location))
        } else if let first = seen[Self.key(row)] {
          diagnostics.append(
            .error(
              .eventsRollupOverlap,
              "the rollup of '\(row.subjectLabel)' for \(day) overlaps the row at \(first.location) "
                + "(\(ref)); they would be counted twice", at: row.location))
        } else {
          seen[Self.key(row)] = row
        }
      }
    }
    return diagnostics
  }

  private static func key(_ row: DeliveryRollup) -> String {
    "\(row.day)\u{0}\(row.subject ?? "")\u{0}\(row.repository ?? "")\u{0}\(row.purlName ?? "")"
  }
}

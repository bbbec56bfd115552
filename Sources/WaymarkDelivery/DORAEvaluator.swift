import StructuredData
import WaymarkModel

/// Computes DORA's five delivery metrics for every component, rolled up to systems, domains,
/// owning groups (with their parent groups) and the organisation.
///
/// Components are evaluated in parallel (a task per slice; results put back in catalog order),
/// then roll-ups pool their members' samples. Everything is a function of the events, the
/// catalog, the settings and the build's `now`.
public struct DORAEvaluator: Sendable {
  /// The `metrics:` settings.
  public var settings: MetricsSettings
  /// The build's "now": the window's end.
  public var now: Timestamp

  /// The annotation naming the template an entity was created from.
  public static let templateAnnotation = "backstage.io/source-template"

  /// Creates an evaluator.
  public init(settings: MetricsSettings, now: Timestamp) {
    self.settings = settings
    self.now = now
  }

  /// The metrics of `events` and `rollups` over `catalog`, with the self-service signals of `tickets`.
  public func evaluate(
    _ events: [DeliveryEvent], rollups: [DeliveryRollup] = [], tickets: [TicketEvent] = [], catalog: Catalog
  ) async -> DeliveryMetrics {
    let window = MetricWindow(end: now, days: settings.windowDays)
    let summary = MetricSummary(window: window, bands: settings.bands)
    var metrics = DeliveryMetrics(window: window, bands: settings.bands)
    let mapper = EventMapper(catalog: catalog)
    // The joins between events read no component: made while the events are assigned to them.
    async let joined = DeliveryLinks(events)
    let (byComponent, unmapped) = assign(events, mapper: mapper)
    let (rollupsByComponent, unmappedRows) = assign(rollups, mapper: mapper)
    metrics.unmapped = Self.merged(unmapped, unmappedRows)
    metrics.diagnostics = overlaps(rollupsByComponent, events: events, byComponent: byComponent, mapper: mapper)
    let links = await joined
    let evaluator = ComponentDeliveryEvaluator(events: events, links: links, settings: settings, window: window)
    let figures = await withTaskGroup(of: [(Int, ComponentDeliveryEvaluator.Figures)].self) { group in
      let slice = max(1, byComponent.count / 16 + 1)
      for start in stride(from: 0, to: byComponent.count, by: slice) {
        let end = min(byComponent.count, start + slice)
        let work = Array(byComponent[start..<end])
        group.addTask { work.enumerated().map { offset, indices in (start + offset, evaluator.figures(for: indices)) } }
      }
      var all: [(Int, ComponentDeliveryEvaluator.Figures)] = []
      for await part in group { all += part }
      return all.sorted { $0.0 < $1.0 }.map(\.1)
    }.enumerated().map { index, figure in Self.adding(rollupsByComponent[index], to: figure, window: window) }
    let components = mapper.components
    var rollups = RollupMembership(catalog: catalog)
    var org = DeliverySample()
    for (index, component) in components.enumerated() {
      let sample = figures[index].sample
      metrics.entities[component.ref] = summary.value(for: sample)
      org.merge(sample)
      rollups.add(component, sample: sample)
    }
    metrics.org = summary.value(for: org)
    metrics.systems = rollups.systems.mapValues(summary.value(for:))
    metrics.domains = rollups.domains.mapValues(summary.value(for:))
    metrics.groups = rollups.groups.mapValues(summary.value(for:))
    metrics.goldenPaths = goldenPaths(components: components, figures: figures)
    let firstGoldenEvents: [Int64?] = zip(components, figures).map { component, figure in
      component.document.value(at: ["metadata", "annotations", Self.templateAnnotation]) == nil
        ? nil : figure.firstEvent
    }
    metrics.tickets = TicketEvaluator(window: window).evaluate(
      tickets, catalog: catalog, mapper: mapper, firstGoldenEvents: firstGoldenEvents)
    return metrics
  }

  /// Each component's event indices, and the unmapped events by subject.
  private func assign(_ events: [DeliveryEvent], mapper: EventMapper) -> ([[Int]], [DeliveryMetrics.UnmappedSubject]) {
    struct Key: Hashable {
      var subject: String?
      var repository: String?
      var purl: String?
    }
    var cache: [Key: Int?] = [:]
    var byComponent = Array(repeating: [Int](), count: mapper.components.count)
    var unmapped: [String: DeliveryMetrics.UnmappedSubject] = [:]
    for (index, event) in events.enumerated() {
      let key = Key(subject: event.subject, repository: event.repository, purl: event.purlName)
      let component: Int?
      if let cached = cache[key] {
        component = cached
      } else {
        component = mapper.component(of: event)
        cache[key] = component
      }
      if let component {
        byComponent[component].append(index)
      } else {
        // Mutated in place: a copy out and back would copy `types` for every event.
        let label = event.subjectLabel
        unmapped[label, default: .init(subject: label, events: 0, types: [:])].events += 1
        unmapped[label, default: .init(subject: label, events: 0, types: [:])].types[event.type, default: 0] += 1
      }
    }
    let sorted = unmapped.values.sorted { $0.subject.utf8.lexicographicallyPrecedes($1.subject.utf8) }
    return (byComponent, sorted)
  }

  /// Golden paths: per component created from a template, time from its first event to its first
  /// production deployment; per template, adoption and the median of those times.
  private func goldenPaths(components: [Entity], figures: [ComponentDeliveryEvaluator.Figures]) -> JSONValue {
    var entities: [String: JSONValue] = [:]
    var templates: [String: (count: Int, deployed: Int, hours: [Double])] = [:]
    for (index, component) in components.enumerated() {
      guard
        let template = component.document.value(at: ["metadata", "annotations", Self.templateAnnotation])?.stringValue
      else { continue }
      let figure = figures[index]
      var hours: Double?
      if let first = figure.firstEvent, let deployed = figure.firstProductionDeployment {
        hours = Double(deployed - first) / 3_600_000
      }
      entities[component.ref.canonical] = [
        "template": .string(template),
        "firstEvent": figure.firstEvent.map { .string(Timestamp(millisecondsSinceEpoch: $0).description) } ?? .null,
        "firstProductionDeployment": figure.firstProductionDeployment.map {
          .string(Timestamp(millisecondsSinceEpoch: $0).description)
        } ?? .null,
        "hoursToFirstProductionDeployment": MetricSummary.number(hours),
      ]
      var entry = templates[template] ?? (0, 0, [])
      entry.count += 1
      if let hours {
        entry.deployed += 1
        entry.hours.append(hours)
      }
      templates[template] = entry
    }
    return [
      "entities": .object(entities),
      "templates": .object(
        templates.mapValues { entry in
          [
            "entities": .int(Int64(entry.count)), "deployedToProduction": .int(Int64(entry.deployed)),
            "medianHoursToFirstProductionDeployment": MetricSummary.number(
              MetricSummary.percentile(entry.hours.sorted(), 0.5)),
          ]
        }),
    ]
  }
}

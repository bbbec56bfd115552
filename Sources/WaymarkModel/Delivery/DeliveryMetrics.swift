import StructuredData

/// Delivery metrics (DORA's five) for every component and its roll-ups, ready to render and to
/// bind as the scorecards' `dora` fact.
public struct DeliveryMetrics: Sendable {
  /// Events whose subject maps to no component, grouped by subject.
  public struct UnmappedSubject: Sendable, Hashable {
    /// The subject, repository or purl the events named.
    public var subject: String
    /// How many events.
    public var events: Int
    /// How many of each event type.
    public var types: [String: Int]

    /// Creates a value from each stored property.
    package init(subject: String, events: Int, types: [String: Int]) {
      self.subject = subject
      self.events = events
      self.types = types
    }
  }

  /// The window the figures cover.
  public var window: MetricWindow
  /// The report whose bands are given.
  public var bands: DORABands
  /// M for the whole organisation.
  public var org: JSONValue
  /// M per component.
  public var entities: [EntityRef: JSONValue]
  /// M per system.
  public var systems: [EntityRef: JSONValue]
  /// M per domain.
  public var domains: [EntityRef: JSONValue]
  /// M per group (a group's components include its sub-groups').
  public var groups: [EntityRef: JSONValue]
  /// Events that mapped to no component, sorted by subject.
  public var unmapped: [UnmappedSubject]
  /// Golden-path figures per template and per component created from one.
  public var goldenPaths: JSONValue
  /// The self-service signals: `{"org": T, "groups": {ref: T}, "unassigned": n, "count": n}` (ticket volume,
  /// time to close, before and after each team's first golden-path entity).
  public var tickets: JSONValue
  /// Rollup rows that overlap raw events or other rows (`events.rollup-overlap`).
  public var diagnostics: [Diagnostic] = []
  /// Called each time `value` builds the whole metrics table: a stage must build it once per
  /// site, never per entity (`StageScalingTests` counts the builds at N and 10 N entities).
  package var onTableBuilt: (@Sendable () -> Void)?

  /// No events at all: every figure is "no data".
  public init(window: MetricWindow, bands: DORABands) {
    self.window = window
    self.bands = bands
    org = MetricSummary(window: window, bands: bands).value(for: DeliverySample())
    entities = [:]
    systems = [:]
    domains = [:]
    groups = [:]
    unmapped = []
    goldenPaths = ["templates": [:], "entities": [:]]
    tickets = ["org": nil, "groups": [:], "unassigned": 0, "count": 0]
  }

  /// M for a component, system, domain or group; nil for other entities.
  public func fact(for ref: EntityRef) -> JSONValue? {
    entities[ref] ?? systems[ref] ?? domains[ref] ?? groups[ref]
  }

  /// `api/dora.json`.
  public var value: JSONValue {
    onTableBuilt?()
    func table(_ members: [EntityRef: JSONValue]) -> JSONValue {
      .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key.canonical, $0.value) }))
    }
    return [
      "asOf": .string(window.end.description),
      "window": window.value,
      "bands": .string(bands.rawValue),
      "org": org,
      "groups": table(groups),
      "systems": table(systems),
      "domains": table(domains),
      "entities": table(entities),
      "goldenPaths": goldenPaths,
      "tickets": tickets,
    ]
  }

  /// `api/events-unmapped.json`: `{"events", "subjects": [{"subject", "events", "types"}]}`.
  public var unmappedValue: JSONValue {
    [
      "events": .int(Int64(unmapped.reduce(0) { $0 + $1.events })),
      "subjects": .array(
        unmapped.map { subject in
          [
            "subject": .string(subject.subject), "events": .int(Int64(subject.events)),
            "types": .object(subject.types.mapValues { .int(Int64($0)) }),
          ]
        }),
    ]
  }
}

import StructuredData
import WaymarkModel

/// The self-service signals: ticket volume per team and for the organisation, time to close,
/// and tickets per week before and after each team's first golden-path entity.
///
/// A ticket belongs to the team its `group` names (a catalog Group, by reference or name), else
/// to the owner of the component its `subject.id` or, failing that, one of its `labels` maps to
/// (the same precedence as delivery events); else it is unassigned (counted in the org only).
/// A team's figures include its sub-teams'. Only events at or before the build's "now" count.
package struct TicketEvaluator {
  package let window: MetricWindow

  /// One ticket, folded from its events.
  package struct Ticket {
    package var created: Int64?
    package var closed: Int64?
    package var firstSeen: Int64
    package var ticketType: String?
    package var group: String?
    package var labels: [String] = []
    package var subject: String
  }

  /// `{"org": T, "groups": {ref: T}, "unassigned": n, "count": n}`; `firstGoldenEvents` are, per component
  /// of `mapper`, its first event when it was created from a template.
  package func evaluate(_ events: [TicketEvent], catalog: Catalog, mapper: EventMapper, firstGoldenEvents: [Int64?])
    -> JSONValue
  {
    let tickets = fold(events)
    var groupsByName: [String: EntityRef] = [:]
    var members: [EntityRef: [Int]] = [:]
    for entity in catalog.entities where entity.ref.kind.lowercased() == "group" {
      members[entity.ref] = []
      let name = entity.ref.name.lowercased()
      if groupsByName[name] == nil { groupsByName[name] = entity.ref }
    }
    func teams(of group: EntityRef) -> [EntityRef] {
      catalog.groupHierarchy.ancestors(of: group).filter { members[$0] != nil }
    }
    func owner(ofComponent index: Int) -> EntityRef? {
      mapper.components[index].targets(of: "ownedBy").first { $0.kind.lowercased() == "group" && members[$0] != nil }
    }
    var unassigned = 0
    for (position, ticket) in tickets.enumerated() {
      var team: EntityRef?
      if let group = ticket.group {
        team =
          EntityRef(parsing: group, defaultKind: "group").flatMap { members[$0] != nil ? $0 : nil }
          ?? groupsByName[group.lowercased()]
      }
      if team == nil {
        for subject in [ticket.subject] + ticket.labels {
          if let component = mapper.component(subject: subject, repository: nil, purlName: nil) {
            team = owner(ofComponent: component)
            break
          }
        }
      }
      guard let team else {
        unassigned += 1
        continue
      }
      for group in teams(of: team) { members[group]?.append(position) }
    }
    var golden: [EntityRef: Int64] = [:]
    var orgGolden: Int64?
    for (index, first) in firstGoldenEvents.enumerated() {
      guard let first else { continue }
      orgGolden = min(orgGolden ?? first, first)
      guard let team = owner(ofComponent: index) else { continue }
      for group in teams(of: team) { golden[group] = min(golden[group] ?? first, first) }
    }
    let coverageStart = tickets.compactMap(\.created).min()
    func summary(_ positions: [Int], golden: Int64?) -> JSONValue {
      value(of: positions.map { tickets[$0] }, goldenPathStart: golden, coverageStart: coverageStart)
    }
    return [
      "org": summary(Array(tickets.indices), golden: orgGolden),
      "groups": .object(
        Dictionary(uniqueKeysWithValues: members.map { ($0.key.canonical, summary($0.value, golden: golden[$0.key])) })),
      "unassigned": .int(Int64(unassigned)),
      "count": .int(Int64(tickets.count)),
    ]
  }

  /// The tickets known at the window's end, in a stable order: each ticket's first creation and
  /// last close, and its latest type, group and labels.
  package func fold(_ events: [TicketEvent]) -> [Ticket] {
    let end = window.end.millisecondsSinceEpoch
    let ordered = events.filter { $0.time.millisecondsSinceEpoch <= end }.sorted {
      ($0.time.millisecondsSinceEpoch, $0.identity) < ($1.time.millisecondsSinceEpoch, $1.identity)
    }
    var byId: [UInt64: Ticket] = [:]
    var order: [UInt64] = []
    for event in ordered {
      let time = event.time.millisecondsSinceEpoch
      var ticket = byId[event.ticket] ?? Ticket(firstSeen: time, subject: event.subject)
      if byId[event.ticket] == nil { order.append(event.ticket) }
      switch event.action {
      case .created: ticket.created = min(ticket.created ?? time, time)
      case .closed: ticket.closed = time
      case .updated: break
      }
      if let type = event.ticketType { ticket.ticketType = type }
      if let group = event.group { ticket.group = group }
      if !event.labels.isEmpty { ticket.labels = event.labels }
      byId[event.ticket] = ticket
    }
    return order.compactMap { byId[$0] }
  }

  /// T: `{"created", "closed", "open", "medianHoursToClose", "closeTimes", "byType", "byLabel",
  /// "weekly": [{"start", "created", "closed", "byType"}], "goldenPath": {…}}`.
  package func value(of tickets: [Ticket], goldenPathStart: Int64?, coverageStart: Int64?) -> JSONValue {
    let weeks = (window.days + 6) / 7
    let end = window.end.millisecondsSinceEpoch
    let week = 7 * MetricSummary.dayMilliseconds
    func slot(_ time: Int64) -> Int? {
      guard window.contains(time) else { return nil }
      let age = Int((end - time) / week)
      return age < weeks ? weeks - 1 - age : nil
    }
    var created = Array(repeating: 0, count: weeks)
    var closed = Array(repeating: 0, count: weeks)
    var types = Array(repeating: [String: Int](), count: weeks)
    var byType: [String: Int] = [:]
    var byLabel: [String: Int] = [:]
    var hours: [Double] = []
    var open = 0
    for ticket in tickets {
      if ticket.closed == nil { open += 1 }
      if let time = ticket.created, let index = slot(time) {
        let type = ticket.ticketType ?? "unspecified"
        created[index] += 1
        types[index][type, default: 0] += 1
        byType[type, default: 0] += 1
        for label in Set(ticket.labels) { byLabel[label, default: 0] += 1 }
      }
      if let time = ticket.closed, let index = slot(time) {
        closed[index] += 1
        if let opened = ticket.created { hours.append(Double(max(0, time - opened)) / 3_600_000) }
      }
    }
    let weekly: [JSONValue] = (0..<weeks).map { index in
      let start = max(window.start.millisecondsSinceEpoch, end - Int64(weeks - index) * week)
      return [
        "start": .string(Timestamp(millisecondsSinceEpoch: start).description), "created": .int(Int64(created[index])),
        "closed": .int(Int64(closed[index])), "byType": .object(types[index].mapValues { .int(Int64($0)) }),
      ]
    }
    return [
      "created": .int(Int64(created.reduce(0, +))),
      "closed": .int(Int64(closed.reduce(0, +))),
      "open": .int(Int64(open)),
      "medianHoursToClose": MetricSummary.number(MetricSummary.percentile(hours.sorted(), 0.5)),
      "closeTimes": .int(Int64(hours.count)),
      "byType": .object(byType.mapValues { .int(Int64($0)) }),
      "byLabel": .object(byLabel.mapValues { .int(Int64($0)) }),
      "weekly": .array(weekly),
      "goldenPath": goldenPath(tickets, start: goldenPathStart, coverageStart: coverageStart),
    ]
  }

  /// Tickets created per week from the first ticket in the exports (org-wide) up to the team's
  /// first golden-path entity, and from then to "now"; a side with no time is null.
  package func goldenPath(_ tickets: [Ticket], start: Int64?, coverageStart: Int64?) -> JSONValue {
    let end = window.end.millisecondsSinceEpoch
    var result: [String: JSONValue] = [
      "firstEntityAt": start.map { .string(Timestamp(millisecondsSinceEpoch: $0).description) } ?? .null,
      "perWeekBefore": nil, "perWeekAfter": nil, "ticketsBefore": nil, "ticketsAfter": nil, "weeksBefore": nil,
      "weeksAfter": nil,
    ]
    guard let start, let coverageStart else { return .object(result) }
    let week = Double(7 * MetricSummary.dayMilliseconds)
    let createdTimes = tickets.compactMap(\.created)
    if start > coverageStart {
      let count = createdTimes.count(where: { $0 < start })
      let weeks = Double(start - coverageStart) / week
      result["ticketsBefore"] = .int(Int64(count))
      result["weeksBefore"] = MetricSummary.number(weeks)
      result["perWeekBefore"] = MetricSummary.number(Double(count) / weeks)
    }
    if end > start {
      let count = createdTimes.count(where: { $0 >= start })
      let weeks = Double(end - start) / week
      result["ticketsAfter"] = .int(Int64(count))
      result["weeksAfter"] = MetricSummary.number(weeks)
      result["perWeekAfter"] = MetricSummary.number(Double(count) / weeks)
    }
    return .object(result)
  }
}

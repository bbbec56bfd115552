import StructuredData
import WaymarkModel

extension DORAViewModel {
  /// The dashboard's self-service table: the organisation, then every team with tickets or a
  /// golden-path entity; nil when there are no tickets.
  package func ticketSection(catalog: Catalog, root: String) -> DeliveryDashboard.Tickets? {
    let tickets = delivery.tickets
    guard let org = tickets["org"], !org.isNull, (tickets["count"]?.intValue ?? 0) > 0 else { return nil }
    var rows = [ticketRow(org, name: "Organisation", link: nil)]
    let groups = tickets["groups"]?.objectValue ?? [:]
    for key in groups.keys.sorted() {
      guard let figures = groups[key], let ref = EntityRef(parsing: key, defaultKind: "group") else { continue }
      let known = ["created", "closed", "open"].contains { (figures[$0]?.intValue ?? 0) > 0 }
      guard known || !(figures["goldenPath"]?["firstEntityAt"]?.isNull ?? true) else { continue }
      rows.append(ticketRow(figures, name: nil, link: EntityLink(to: ref, in: catalog, root: root)))
    }
    return DeliveryDashboard.Tickets(rows: rows, unassigned: TemplateScalar(tickets["unassigned"] ?? 0))
  }

  private func ticketRow(_ figures: JSONValue, name: String?, link: EntityLink?) -> DeliveryDashboard.TicketRow {
    let golden = figures["goldenPath"]
    let types = (figures["byType"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
      .map { "\($0.key) \($0.value.intValue ?? 0)" }.joined(separator: ", ")
    let weekly = figures["weekly"]?.arrayValue ?? []
    return DeliveryDashboard.TicketRow(
      name: name, entity: link, created: TemplateScalar(figures["created"] ?? 0),
      closed: TemplateScalar(figures["closed"] ?? 0), open: TemplateScalar(figures["open"] ?? 0),
      medianToClose: figures["medianHoursToClose"]?.doubleValue.map(Self.hours) ?? "no data",
      types: types.isEmpty ? "none" : types,
      firstGoldenPath: golden?["firstEntityAt"]?.stringValue.map { String($0.prefix(10)) } ?? "none",
      perWeekBefore: golden?["perWeekBefore"]?.doubleValue.map(Self.decimal) ?? "no data",
      perWeekAfter: golden?["perWeekAfter"]?.doubleValue.map(Self.decimal) ?? "no data",
      sparkline: Self.sparkline(weekly.map { Double($0["created"]?.intValue ?? 0) }))
  }
}

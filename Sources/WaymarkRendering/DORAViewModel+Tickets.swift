import StructuredData
import WaymarkModel

extension DORAViewModel {
  /// The dashboard's self-service table: the organisation, then every team with tickets or a
  /// golden-path entity; nil when there are no tickets.
  package func ticketSection(catalog: Catalog, root: String) -> JSONValue? {
    let tickets = delivery.tickets
    guard let org = tickets["org"], !org.isNull, (tickets["count"]?.intValue ?? 0) > 0 else { return nil }
    let links = EntityViewModel(catalog: catalog)
    var rows: [JSONValue] = [ticketRow(org, name: "Organisation", link: nil)]
    let groups = tickets["groups"]?.objectValue ?? [:]
    for key in groups.keys.sorted() {
      guard let figures = groups[key], let ref = EntityRef(parsing: key, defaultKind: "group") else { continue }
      let known = ["created", "closed", "open"].contains { (figures[$0]?.intValue ?? 0) > 0 }
      guard known || !(figures["goldenPath"]?["firstEntityAt"]?.isNull ?? true) else { continue }
      rows.append(ticketRow(figures, name: nil, link: links.link(to: ref, root: root)))
    }
    return ["rows": .array(rows), "unassigned": tickets["unassigned"] ?? 0]
  }

  private func ticketRow(_ figures: JSONValue, name: String?, link: JSONValue?) -> JSONValue {
    let golden = figures["goldenPath"]
    let types = (figures["byType"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
      .map { "\($0.key) \($0.value.intValue ?? 0)" }.joined(separator: ", ")
    let weekly = figures["weekly"]?.arrayValue ?? []
    var row: [String: JSONValue] = [
      "created": figures["created"] ?? 0, "closed": figures["closed"] ?? 0, "open": figures["open"] ?? 0,
      "medianToClose": .string(figures["medianHoursToClose"]?.doubleValue.map(Self.hours) ?? "no data"),
      "types": .string(types.isEmpty ? "none" : types),
      "firstGoldenPath": .string(golden?["firstEntityAt"]?.stringValue.map { String($0.prefix(10)) } ?? "none"),
      "perWeekBefore": .string(golden?["perWeekBefore"]?.doubleValue.map(Self.decimal) ?? "no data"),
      "perWeekAfter": .string(golden?["perWeekAfter"]?.doubleValue.map(Self.decimal) ?? "no data"),
      "sparkline": .string(Self.sparkline(weekly.map { Double($0["created"]?.intValue ?? 0) })),
    ]
    if let name { row["name"] = .string(name) }
    if let link { row["entity"] = link }
    return .object(row)
  }
}

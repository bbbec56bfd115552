import StructuredData
import WaymarkModel

extension DORAViewModel {
  /// How many components the dashboard lists: the most deploying ones. Every component's
  /// figures are on its own page and in `api/dora.json`; a table of thousands would make the
  /// page too heavy to open on a large organisation.
  package static let dashboardComponents = 50

  /// The DORA dashboard page: the organisation's tiles, then a table per roll-up level.
  package func dashboard(catalog: Catalog, root: String) -> DeliveryDashboard {
    let levels: [(String, [EntityRef: JSONValue], Int?)] = [
      ("Groups", delivery.groups, nil), ("Domains", delivery.domains, nil), ("Systems", delivery.systems, nil),
      ("Components", delivery.entities, Self.dashboardComponents),
    ]
    let sections: [DeliveryDashboard.Section] = levels.compactMap { heading, members, limit in
      guard !members.isEmpty else { return nil }
      var refs = members.keys.sorted()
      var section = DeliveryDashboard.Section(heading: heading, rows: [])
      if let limit, refs.count > limit {
        let deployments = { (ref: EntityRef) in members[ref]?["deployments"]?.intValue ?? 0 }
        refs = Array(
          refs.sorted { deployments($0) != deployments($1) ? deployments($0) > deployments($1) : $0 < $1 }.prefix(limit)
        )
        section.note =
          ("The \(limit) of \(members.count) with the most deployments; every component's figures are on its page and in api/dora.json.")
      }
      section.rows = refs.compactMap { ref in
        members[ref].map {
          row(
            $0,
            link: EntityLink(
              to: ref, in: catalog,
              root: root))
        }
      }
      return section
    }
    let org = tiles(of: delivery.org)
    return DeliveryDashboard(
      report: org.report, window: org.window, hasData: org.hasData, tiles: org.tiles, sparkline: org.sparkline,
      weeks: org.weeks, sections: sections, tickets: ticketSection(catalog: catalog, root: root),
      unmappedSubjects: delivery.unmapped.count, unmappedEvents: delivery.unmapped.reduce(0) { $0 + $1.events })
  }

  private func row(_ metrics: JSONValue, link: EntityLink) -> DeliveryDashboard.Row {
    func cell(_ value: String?, band: JSONValue?) -> DeliveryDashboard.Cell {
      DeliveryDashboard.Cell(value: value ?? "no data", band: band?.stringValue)
    }
    let frequency = metrics["deploymentFrequency"]
    let lead = metrics["leadTimeHours"]
    let failure = metrics["changeFailureRate"]
    let recovery = metrics["recoveryHours"]
    let weekly = metrics["weekly"]?.arrayValue ?? []
    return DeliveryDashboard.Row(
      entity: link,
      deployments: Int(metrics["deployments"]?.intValue ?? 0),
      cells: [
        cell(frequency?["perDay"]?.doubleValue.map { "\(Self.decimal($0)) / day" }, band: frequency?["band"]),
        cell(lead?["median"]?.doubleValue.map(Self.hours), band: lead?["band"]),
        cell(failure?["value"]?.doubleValue.map(Self.percent), band: failure?["band"]),
        cell(recovery?["median"]?.doubleValue.map(Self.hours), band: recovery?["band"]),
        cell(metrics["reworkRate"]?["value"]?.doubleValue.map(Self.percent), band: nil),
      ],
      sparkline: Self.sparkline(weekly.map { Double($0["deployments"]?.intValue ?? 0) }))
  }
}

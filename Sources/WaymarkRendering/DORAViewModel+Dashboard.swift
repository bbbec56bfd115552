import StructuredData
import WaymarkModel

extension DORAViewModel {
  /// How many components the dashboard lists: the most deploying ones. Every component's
  /// figures are on its own page and in `api/dora.json`; a table of thousands would make the
  /// page too heavy to open on a large organisation.
  package static let dashboardComponents = 50

  /// The DORA dashboard page: the organisation's tiles, then a table per roll-up level.
  package func dashboard(catalog: Catalog, root: String) -> JSONValue {
    let links = EntityViewModel(catalog: catalog)
    let levels: [(String, [EntityRef: JSONValue], Int?)] = [
      ("Groups", delivery.groups, nil), ("Domains", delivery.domains, nil), ("Systems", delivery.systems, nil),
      ("Components", delivery.entities, Self.dashboardComponents),
    ]
    let sections: [JSONValue] = levels.compactMap { heading, members, limit in
      guard !members.isEmpty else { return nil }
      var refs = members.keys.sorted()
      var section: [String: JSONValue] = ["heading": .string(heading)]
      if let limit, refs.count > limit {
        let deployments = { (ref: EntityRef) in members[ref]?["deployments"]?.intValue ?? 0 }
        refs = Array(refs.sorted { deployments($0) != deployments($1) ? deployments($0) > deployments($1) : $0 < $1 }.prefix(limit))
        section["note"] = .string(
          "The \(limit) of \(members.count) with the most deployments; every component's figures are on its page and in api/dora.json.")
      }
      section["rows"] = .array(refs.compactMap { ref in members[ref].map { row($0, link: links.link(to: ref, root: root)) } })
      return .object(section)
    }
    var model = tiles(of: delivery.org).objectValue ?? [:]
    model["sections"] = .array(sections)
    model["tickets"] = ticketSection(catalog: catalog, root: root)
    model["unmappedSubjects"] = .int(Int64(delivery.unmapped.count))
    model["unmappedEvents"] = .int(Int64(delivery.unmapped.reduce(0) { $0 + $1.events }))
    return .object(model)
  }

  private func row(_ metrics: JSONValue, link: JSONValue) -> JSONValue {
    func cell(_ value: String?, band: JSONValue?) -> JSONValue {
      var cell: [String: JSONValue] = ["value": .string(value ?? "no data")]
      if let band = band?.stringValue { cell["band"] = .string(band) }
      return .object(cell)
    }
    let frequency = metrics["deploymentFrequency"]
    let lead = metrics["leadTimeHours"]
    let failure = metrics["changeFailureRate"]
    let recovery = metrics["recoveryHours"]
    let weekly = metrics["weekly"]?.arrayValue ?? []
    return [
      "entity": link,
      "deployments": .int(metrics["deployments"]?.intValue ?? 0),
      "cells": .array([
        cell(frequency?["perDay"]?.doubleValue.map { "\(Self.decimal($0)) / day" }, band: frequency?["band"]),
        cell(lead?["median"]?.doubleValue.map(Self.hours), band: lead?["band"]),
        cell(failure?["value"]?.doubleValue.map(Self.percent), band: failure?["band"]),
        cell(recovery?["median"]?.doubleValue.map(Self.hours), band: recovery?["band"]),
        cell(metrics["reworkRate"]?["value"]?.doubleValue.map(Self.percent), band: nil),
      ]),
      "sparkline": .string(Self.sparkline(weekly.map { Double($0["deployments"]?.intValue ?? 0) })),
    ]
  }
}

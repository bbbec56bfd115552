import StructuredData

extension DORAViewModel {
  /// The DORA dashboard page: the organisation's tiles, then a table per roll-up level.
  func dashboard(catalog: Catalog, root: String) -> JSONValue {
    let links = EntityViewModel(catalog: catalog)
    let levels: [(String, [EntityRef: JSONValue])] = [
      ("Groups", delivery.groups), ("Domains", delivery.domains), ("Systems", delivery.systems), ("Components", delivery.entities),
    ]
    let sections: [JSONValue] = levels.compactMap { heading, members in
      guard !members.isEmpty else { return nil }
      let rows = members.keys.sorted().compactMap { ref -> JSONValue? in
        guard let metrics = members[ref] else { return nil }
        return row(metrics, link: links.link(to: ref, root: root))
      }
      return ["heading": .string(heading), "rows": .array(rows)]
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

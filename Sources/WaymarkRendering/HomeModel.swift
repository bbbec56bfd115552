import StructuredData
import WaymarkScorecards

/// The home page: the catalog at a glance, readiness by level, the delivery summary with its
/// trend, level changes, waivers due, and inputs that mapped to nothing.
package struct HomeModel {
  package let input: RenderInput

  package func model(root: String) -> [String: JSONValue] {
    let counts = input.catalog.countsByKind.sorted { $0.key < $1.key }
    let rollup = ScorecardRollup(catalog: input.catalog)
    let readiness: [JSONValue] = input.scorecards.reports.map { report in
      let summary = rollup.summary(of: report.results, for: report.scorecard)
      let bars = (report.scorecard.levels.reversed() + ["none"]).map { level in
        BarChartRenderer.Bar(label: level, value: summary["levels"]?[level]?.doubleValue ?? 0, style: "level-\(level)")
      }
      return [
        "title": .string(report.scorecard.title), "entities": .int(Int64(report.results.count)),
        "averageScore": ScorecardViewModel.percent(summary["averageScore"]?.doubleValue),
        "chart": .string(BarChartRenderer().svg(bars, label: "\(report.scorecard.title): entities per level")),
      ]
    }
    let changes: [JSONValue] = (input.scorecards.changes ?? []).filter { $0.direction == "up" || $0.direction == "down" }.prefix(20).map {
      ["entity": .string($0.entity), "scorecard": .string($0.scorecard), "from": .string($0.from ?? "none"), "to": .string($0.to ?? "none"), "direction": .string($0.direction)]
    }
    let horizon = input.now.adding(days: 30)
    let waivers: [JSONValue] = input.scorecards.waivers.filter { $0.status == .active && $0.waiver.expires <= horizon }.map {
      ["name": .string($0.waiver.name), "scorecard": .string($0.waiver.scorecard), "expires": .string($0.waiver.expiresDate)]
    }
    let delivery = input.delivery.flatMap { DORAViewModel(delivery: $0).homeSummary() }
    let unmapped = UnmappedInputsModel(input: input).warnings(root: root)
    return [
      "delivery": delivery ?? .null,
      "unmapped": .array(unmapped), "hasUnmapped": .bool(!unmapped.isEmpty),
      "entityCount": .int(Int64(input.catalog.entities.count)),
      "kinds": .array(counts.map { kind, count in ["kind": .string(kind), "count": .int(Int64(count))] }),
      "readiness": .array(readiness), "hasReadiness": .bool(!readiness.isEmpty),
      "changes": .array(changes), "hasChanges": .bool(!changes.isEmpty),
      "expiringWaivers": .array(waivers), "hasExpiringWaivers": .bool(!waivers.isEmpty),
    ]
  }
}

import StructuredData
import WaymarkScorecards

/// The home page: the catalog at a glance, readiness by level, the delivery summary with its
/// trend, level changes, waivers due, and inputs that mapped to nothing.
package struct HomeModel {
  package let input: RenderInput

  package func model(root: String) -> HomePage {
    let counts = input.catalog.countsByKind.sorted { $0.key < $1.key }
    let rollup = ScorecardRollup(catalog: input.catalog)
    let readiness: [HomePage.Readiness] = input.scorecards.reports.map { report in
      let summary = rollup.summary(of: report.results, for: report.scorecard)
      let bars = (report.scorecard.levels.reversed() + ["none"]).map { level in
        BarChartRenderer.Bar(label: level, value: summary["levels"]?[level]?.doubleValue ?? 0, style: "level-\(level)")
      }
      return HomePage.Readiness(
        title: report.scorecard.title, entities: report.results.count,
        averageScore: ScorecardViewModel.percentText(summary["averageScore"]?.doubleValue),
        chart: BarChartRenderer().svg(bars, label: "\(report.scorecard.title): entities per level"))
    }
    let moves = (input.scorecards.changes ?? []).filter { $0.direction == "up" || $0.direction == "down" }
    let changes = moves.prefix(20).map {
      HomePage.LevelChange(
        entity: $0.entity, scorecard: $0.scorecard, from: $0.from ?? "none", to: $0.to ?? "none",
        direction: $0.direction)
    }
    let horizon = input.now.adding(days: 30)
    let waivers = input.scorecards.waivers.filter { $0.status == .active && $0.waiver.expires <= horizon }.map {
      HomePage.ExpiringWaiver(name: $0.waiver.name, scorecard: $0.waiver.scorecard, expires: $0.waiver.expiresDate)
    }
    let delivery = input.delivery.flatMap { DORAViewModel(delivery: $0).homeSummary() }
    let unmapped = UnmappedInputsModel(input: input).warnings(root: root)
    var page = HomePage(
      delivery: delivery, unmapped: unmapped, hasUnmapped: !unmapped.isEmpty, entityCount: input.catalog.entities.count,
      kinds: counts.map { HomePage.KindCount(kind: $0.key, count: $0.value) },
      readiness: readiness, hasReadiness: !readiness.isEmpty, changes: Array(changes), hasChanges: !changes.isEmpty,
      expiringWaivers: waivers, hasExpiringWaivers: !waivers.isEmpty)
    page.moreChanges = moves.count > changes.count ? moves.count - changes.count : nil
    return page
  }
}

import Markdown
import StructuredData
import WaymarkModel
import WaymarkScorecards

/// The data the scorecard pages and the entity page's readiness section are rendered from.
package struct ScorecardViewModel {
  package let outcome: ScorecardOutcome
  package let catalog: Catalog
  package let now: Timestamp

  /// Remediation text rendered as markdown (raw HTML filtered, script links dropped), or null.
  package static func remediationHTML(_ text: String?) -> JSONValue {
    guard let text, !text.isEmpty else { return .null }
    return .string(MarkdownRenderer().render(text).html)
  }

  package static func percent(_ value: Double?) -> JSONValue {
    value.map { .string("\(Int(($0 * 100).rounded()))%") } ?? .string("–")
  }

  /// The entity page's scorecards: level, score and every check with its outcome.
  package func entitySection(_ ref: EntityRef) -> JSONValue {
    var cards: [JSONValue] = []
    for report in outcome.reports {
      guard let score = report.result(for: ref) else { continue }
      let checks = zip(report.scorecard.checks, score.checks).map { check, result -> JSONValue in
        [
          "title": .string(check.title), "id": .string(check.id), "level": check.level.map(JSONValue.string) ?? .null,
          "result": .string(result.outcome.rawValue), "passed": .bool(result.outcome == .pass),
          "remediation": (result.outcome == .fail || result.outcome == .error) ? Self.remediationHTML(check.remediation) : .null,
          "message": result.outcome == .fail ? .null : (result.message.map(JSONValue.string) ?? .null),
          "waiver": result.waiver.map(JSONValue.string) ?? .null,
        ]
      }
      cards.append([
        "name": .string(report.scorecard.name), "title": .string(report.scorecard.title),
        "level": .string(score.level ?? "none"), "score": Self.percent(score.score), "checks": .array(checks),
      ])
    }
    return .array(cards)
  }

  /// The scorecards overview page.
  package func scorecardsPage(root: String) -> [String: JSONValue] {
    let rollup = ScorecardRollup(catalog: catalog)
    let cards: [JSONValue] = outcome.reports.map { report in
      let summary = rollup.summary(of: report.results, for: report.scorecard)
      let levels = (["none"] + report.scorecard.levels).map { level -> JSONValue in
        ["level": .string(level), "count": summary["levels"]?[level] ?? 0]
      }
      let checks = report.scorecard.checks.map { check -> JSONValue in
        let failing = report.results.filter { score in
          score.checks.contains { $0.id == check.id && ($0.outcome == .fail || $0.outcome == .error) }
        }
        return [
          "title": .string(check.title), "level": check.level.map(JSONValue.string) ?? .null,
          "passRate": Self.percent(summary["passRate"]?[check.id]?.doubleValue), "failing": .int(Int64(failing.count)),
          "failingEntities": .array(failing.prefix(20).map { EntityViewModel(catalog: catalog).link(to: $0.entity, root: root) }),
        ]
      }
      let leaderboard = rollup.rollups(of: report)["leaderboard"]?.arrayValue ?? []
      return [
        "name": .string(report.scorecard.name), "title": .string(report.scorecard.title),
        "description": report.scorecard.description.map(JSONValue.string) ?? .null,
        "entities": .int(Int64(report.results.count)), "averageScore": Self.percent(summary["averageScore"]?.doubleValue),
        "levels": .array(levels), "checks": .array(checks),
        "leaderboard": .array(
          leaderboard.compactMap { row in
            guard let group = row["group"]?.stringValue, let ref = EntityRef(parsing: group, defaultKind: "Group") else { return nil }
            return ["group": EntityViewModel(catalog: catalog).link(to: ref, root: root), "averageScore": Self.percent(row["averageScore"]?.doubleValue), "entities": row["entities"] ?? 0]
          }),
      ]
    }
    return ["scorecards": .array(cards)]
  }

  /// The readiness report: entities below the top level, failing checks by impact, waivers needing attention.
  package func readinessPage(root: String) -> [String: JSONValue] {
    var below: [JSONValue] = []
    var impact: [(count: Int, scorecard: String, title: String, remediation: String?)] = []
    for report in outcome.reports {
      let top = report.scorecard.levels.last
      for score in report.results where top != nil && score.level != top {
        below.append([
          "entity": EntityViewModel(catalog: catalog).link(to: score.entity, root: root),
          "scorecard": .string(report.scorecard.title), "level": .string(score.level ?? "none"), "score": Self.percent(score.score),
        ])
      }
      for (index, check) in report.scorecard.checks.enumerated() {
        let count = report.results.filter { index < $0.checks.count && ($0.checks[index].outcome == .fail || $0.checks[index].outcome == .error) }.count
        if count > 0 { impact.append((count, report.scorecard.title, check.title, check.remediation)) }
      }
    }
    impact.sort { ($1.count, $0.scorecard, $0.title) < ($0.count, $1.scorecard, $1.title) }
    let horizon = now.adding(days: 30)
    let waivers: [JSONValue] = outcome.waivers.filter { $0.status != .active || $0.waiver.expires <= horizon }.map { waiver in
      [
        "name": .string(waiver.waiver.name), "scorecard": .string(waiver.waiver.scorecard), "check": .string(waiver.waiver.check),
        "expires": .string(waiver.waiver.expiresDate), "status": .string(waiver.status == .active ? "expiring" : waiver.status.rawValue),
        "approvedBy": .string(waiver.waiver.approvedBy.canonical),
      ]
    }
    return [
      "below": .array(below), "hasBelow": .bool(!below.isEmpty),
      "impact": .array(
        impact.map { ["failing": .int(Int64($0.count)), "scorecard": .string($0.scorecard), "title": .string($0.title), "remediation": Self.remediationHTML($0.remediation)] }),
      "waivers": .array(waivers), "hasWaivers": .bool(!waivers.isEmpty),
    ]
  }

  /// `readiness.csv`: one row per (entity, scorecard), for spreadsheets.
  package func readinessCSV() -> String {
    var rows = ["entity,scorecard,level,score,failing_checks"]
    for report in outcome.reports {
      for score in report.results {
        let failing = score.checks.filter { $0.outcome == .fail || $0.outcome == .error }.map(\.id).joined(separator: " ")
        let cells = [score.entity.canonical, report.scorecard.name, score.level ?? "none", score.score.map { String(ScorecardRollup.rounded($0)) } ?? "", failing]
        rows.append(cells.map(Self.csvCell).joined(separator: ","))
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// Quotes a CSV cell that holds a comma, quote, CR or LF; a cell starting with `=`, `+`, `-`,
  /// `@`, a tab or a CR gets a leading `'` so spreadsheets do not run it as a formula (OWASP's
  /// CSV-injection advice). Scalars, not characters: `"\r\n"` is one `Character`.
  package static func csvCell(_ text: String) -> String {
    var cell = text
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
    let needsQuotes = cell.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
    if needsQuotes || cell != text {
      cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return cell
  }
}

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
  package static func remediationHTML(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return MarkdownRenderer().render(text).html
  }

  /// A share as a whole percentage (`75%`), or `–` when there is none.
  package static func percentText(_ value: Double?) -> String {
    value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
  }

  /// The entity page's scorecards: level, score and every check with its outcome.
  package func entitySection(_ ref: EntityRef) -> [EntityScorecard] {
    var cards: [EntityScorecard] = []
    for report in outcome.reports {
      guard let score = report.result(for: ref) else { continue }
      let checks = zip(report.scorecard.checks, score.checks).map { check, result in
        EntityScorecard.Check(
          title: check.title, id: check.id, level: check.level, result: result.outcome.rawValue,
          passed: result.outcome == .pass,
          remediation: (result.outcome == .fail || result.outcome == .error)
            ? Self.remediationHTML(check.remediation) : nil,
          message: result.outcome == .fail ? nil : result.message, waiver: result.waiver)
      }
      cards.append(
        EntityScorecard(
          name: report.scorecard.name, title: report.scorecard.title, level: score.level ?? "none",
          score: Self.percentText(score.score), checks: checks))
    }
    return cards
  }

  /// How many failing entities a check's row lists before "and N more".
  package static let failingShown = 20

  /// The catalog explorer's `failing` filter value of a check: `<scorecard>/<check>`.
  package static func failingKey(_ scorecard: String, _ check: String) -> String { scorecard + "/" + check }

  /// `text` percent-encoded for a URL query value (unreserved characters and `/` kept).
  package static func queryValue(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      let plain = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      if scalar.isASCII, plain || "-._~/".unicodeScalars.contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else {
        result += "%" + String(byte, radix: 16, uppercase: true).leftPadded
      }
    }
    return result
  }

  /// The scorecards overview page.
  package func scorecardsPage(root: String) -> ScorecardsPage {
    let rollup = ScorecardRollup(catalog: catalog)
    let cards = outcome.reports.map { report in
      let summary = rollup.summary(of: report.results, for: report.scorecard)
      let levels = (["none"] + report.scorecard.levels).map { level in
        LevelCount(level: level, count: TemplateScalar(summary["levels"]?[level] ?? 0))
      }
      let checks = report.scorecard.checks.map { check in
        let failing = report.results.filter { score in
          score.checks.contains { $0.id == check.id && ($0.outcome == .fail || $0.outcome == .error) }
        }
        var row = ScorecardsPage.Check(
          title: check.title, level: check.level,
          passRate: Self.percentText(summary["passRate"]?[check.id]?.doubleValue),
          failing: failing.count,
          failingEntities: failing.prefix(Self.failingShown).map { EntityLink(to: $0.entity, in: catalog, root: root) })
        row.moreFailing = max(0, failing.count - Self.failingShown)
        row.hasMoreFailing = row.moreFailing > 0
        row.failingURL = root + "catalog/?failing=" + Self.queryValue(Self.failingKey(report.scorecard.name, check.id))
        return row
      }
      let leaderboard = rollup.rollups(of: report)["leaderboard"]?.arrayValue ?? []
      return ScorecardsPage.Scorecard(
        name: report.scorecard.name, title: report.scorecard.title, description: report.scorecard.description,
        entities: report.results.count, averageScore: Self.percentText(summary["averageScore"]?.doubleValue),
        levels: levels, checks: checks,
        leaderboard: leaderboard.compactMap { row in
          guard let group = row["group"]?.stringValue, let ref = EntityRef(parsing: group, defaultKind: "Group") else {
            return nil
          }
          return ScorecardsPage.Leader(
            group: EntityLink(to: ref, in: catalog, root: root),
            averageScore: Self.percentText(row["averageScore"]?.doubleValue),
            entities: TemplateScalar(row["entities"] ?? 0))
        })
    }
    var page = ScorecardsPage(scorecards: cards)
    page.hasScorecards = !cards.isEmpty
    for index in page.scorecards.indices {
      page.scorecards[index].hasLeaderboard = !page.scorecards[index].leaderboard.isEmpty
    }
    return page
  }

  /// The readiness report: entities below the top level, failing checks by impact, waivers needing attention.
  package func readinessPage(root: String) -> ReadinessPage {
    var below: [ReadinessPage.Below] = []
    var impact: [(count: Int, scorecard: String, title: String, remediation: String?)] = []
    for report in outcome.reports {
      let top = report.scorecard.levels.last
      for score in report.results where top != nil && score.level != top {
        below.append(
          ReadinessPage.Below(
            entity: EntityLink(to: score.entity, in: catalog, root: root), scorecard: report.scorecard.title,
            level: score.level ?? "none", score: Self.percentText(score.score)))
      }
      for (index, check) in report.scorecard.checks.enumerated() {
        let count = report.results.filter {
          index < $0.checks.count && ($0.checks[index].outcome == .fail || $0.checks[index].outcome == .error)
        }.count
        if count > 0 { impact.append((count, report.scorecard.title, check.title, check.remediation)) }
      }
    }
    impact.sort { ($1.count, $0.scorecard, $0.title) < ($0.count, $1.scorecard, $1.title) }
    let horizon = now.adding(days: 30)
    let waivers = outcome.waivers.filter { $0.status != .active || $0.waiver.expires <= horizon }.map { waiver in
      ReadinessPage.Waiver(
        name: waiver.waiver.name, scorecard: waiver.waiver.scorecard, check: waiver.waiver.check,
        expires: waiver.waiver.expiresDate, status: waiver.status == .active ? "expiring" : waiver.status.rawValue,
        approvedBy: waiver.waiver.approvedBy.canonical)
    }
    var page = ReadinessPage(
      below: below, hasBelow: !below.isEmpty,
      impact: impact.map {
        ReadinessPage.Impact(
          failing: $0.count, scorecard: $0.scorecard, title: $0.title,
          remediation: Self.remediationHTML($0.remediation))
      },
      waivers: waivers, hasWaivers: !waivers.isEmpty)
    page.hasImpact = !impact.isEmpty
    page.hasScorecards = !outcome.reports.isEmpty
    return page
  }

  /// `readiness.csv`: one row per (entity, scorecard), for spreadsheets.
  package func readinessCSV() -> String {
    var rows = ["entity,scorecard,level,score,failing_checks"]
    for report in outcome.reports {
      for score in report.results {
        let failing = score.checks.filter { $0.outcome == .fail || $0.outcome == .error }.map(\.id).joined(
          separator: " ")
        let cells = [
          score.entity.canonical, report.scorecard.name, score.level ?? "none",
          score.score.map { String(ScorecardRollup.rounded($0)) } ?? "", failing,
        ]
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

extension String {
  fileprivate var leftPadded: String { count < 2 ? "0" + self : self }
}

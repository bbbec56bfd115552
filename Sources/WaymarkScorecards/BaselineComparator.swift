import StructuredData
import WaymarkLoading
import WaymarkModel

/// Compares this build's scorecard results with a baseline: level and check changes, history, gates.
public struct BaselineComparator: Sendable {
  /// Creates a comparator.
  public init() {}

  /// Per-entity level and check changes, sorted by scorecard then entity.
  public func changes(_ reports: [ScorecardReport], against baseline: Baseline) -> [LevelChange] {
    var changes: [LevelChange] = []
    for report in reports {
      let name = report.scorecard.name
      let before = baseline.levels[name] ?? [:]
      var seen = Set<String>()
      for result in report.results {
        let entity = result.entity.canonical
        seen.insert(entity)
        let oldChecks = baseline.checks[name]?[entity] ?? [:]
        var checkChanges: [(id: String, from: String?, to: String?)] = []
        for check in result.checks where oldChecks[check.id] != check.outcome.rawValue {
          checkChanges.append((check.id, oldChecks[check.id], check.outcome.rawValue))
        }
        guard let previous = before[entity] else {
          changes.append(
            LevelChange(
              scorecard: name, entity: entity, from: nil, to: result.level, direction: "new", checks: checkChanges))
          continue
        }
        let oldRank = previous.flatMap(report.scorecard.rank(of:)) ?? -1
        let newRank = result.level.flatMap(report.scorecard.rank(of:)) ?? -1
        let direction = newRank > oldRank ? "up" : newRank < oldRank ? "down" : "same"
        if direction != "same" || !checkChanges.isEmpty {
          changes.append(
            LevelChange(
              scorecard: name, entity: entity, from: previous, to: result.level, direction: direction,
              checks: checkChanges))
        }
      }
      for (entity, previous) in before where !seen.contains(entity) {
        changes.append(
          LevelChange(scorecard: name, entity: entity, from: previous, to: nil, direction: "removed", checks: []))
      }
    }
    return changes.sorted { ($0.scorecard, $0.entity) < ($1.scorecard, $1.entity) }
  }

  /// This build's history point: level counts and average scores per scorecard and per group.
  public func historyPoint(_ reports: [ScorecardReport], rollup: ScorecardRollup, asOf: Timestamp) -> JSONValue {
    var scorecards: [String: JSONValue] = [:]
    for report in reports {
      let summary = rollup.summary(of: report.results, for: report.scorecard)
      let groups = rollup.rollups(of: report)["groups"]?.objectValue ?? [:]
      scorecards[report.scorecard.name] = [
        "levels": summary["levels"] ?? .null,
        "averageScore": summary["averageScore"] ?? .null,
        "groups": .object(groups.mapValues { $0["averageScore"] ?? .null }),
      ]
    }
    return ["asOf": .string(asOf.description), "scorecards": .object(scorecards)]
  }

  /// The baseline's history with this build's point added (replacing one with the same `asOf`), oldest first.
  public func history(_ baseline: Baseline?, adding point: JSONValue) -> [JSONValue] {
    let asOf = point["asOf"]?.stringValue
    var points = (baseline?.history ?? []).filter { $0["asOf"]?.stringValue != asOf }
    points.append(point)
    return points.sorted { ($0["asOf"]?.stringValue ?? "") < ($1["asOf"]?.stringValue ?? "") }
  }
}

import CEL
import WaymarkModel

/// Decides whether scorecard gates hold: no level drops against the baseline, minimum levels met.
public struct GateEvaluator: Sendable {
  /// A broken gate.
  public struct Violation: Sendable, Hashable {
    /// The scorecard.
    public var scorecard: String
    /// The entity.
    public var entity: String
    /// What broke, in words.
    public var message: String
    /// Where the gate is written.
    public var location: SourceLocation
  }

  /// Creates an evaluator.
  public init() {}

  /// Every violation, sorted by scorecard then entity.
  public func violations(
    _ compiled: [CompiledScorecard], reports: [ScorecardReport], changes: [LevelChange]?, evaluator: ScorecardEvaluator
  ) -> [Violation] {
    var violations: [Violation] = []
    for scorecard in compiled {
      let card = scorecard.scorecard
      let report = reports.first { $0.scorecard.name == card.name }
      if card.gate.noLevelDrop, let changes {
        for change in changes where change.scorecard == card.name && change.direction == "down" {
          violations.append(
            Violation(
              scorecard: card.name, entity: change.entity,
              message: "'\(change.entity)' drops from \(change.from ?? "no level") to \(change.to ?? "no level") in \(card.title)",
              location: card.source))
        }
      }
      for (floor, filter) in zip(card.gate.minimumLevels, scorecard.gateFilters) {
        guard let required = card.rank(of: floor.level) else { continue }
        for result in report?.results ?? [] {
          guard let entity = evaluator.catalog[result.entity] else { continue }
          if let filter, filter.evaluate(evaluator.bindings(for: entity)) != .bool(true) { continue }
          let rank = result.level.flatMap(card.rank(of:)) ?? -1
          if rank < required {
            violations.append(
              Violation(
                scorecard: card.name, entity: result.entity.canonical,
                message: "'\(result.entity.canonical)' must reach \(floor.level) in \(card.title) but is at \(result.level ?? "no level")",
                location: floor.location))
          }
        }
      }
    }
    return violations.sorted { ($0.scorecard, $0.entity, $0.message) < ($1.scorecard, $1.entity, $1.message) }
  }
}

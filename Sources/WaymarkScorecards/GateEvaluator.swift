import CEL
import StructuredData
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
    /// The entity's own definition (its `metadata.name` line), where a reviewer sees the change.
    public var entityLocation: SourceLocation?
    /// The checks behind it (each with its title, id and remediation), then the gate's line.
    public var notes: [DiagnosticNote] = []

    /// Where the diagnostic goes: the entity's definition when known, else the gate.
    public var reportedLocation: SourceLocation { entityLocation ?? location }
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
          let entity = EntityRef(parsing: change.entity, defaultKind: "Component").flatMap { evaluator.catalog[$0] }
          violations.append(
            Violation(
              scorecard: card.name, entity: change.entity,
              message:
                "'\(change.entity)' drops from \(change.from ?? "no level") to \(change.to ?? "no level")"
                + " in \(card.title)",
              location: card.source, entityLocation: entity.map(Self.definition(of:)),
              notes: Self.flippedNotes(change, in: card) + [
                DiagnosticNote("the gate (noLevelDrop) of '\(card.title)'", at: card.source)
              ]))
        }
      }
      for (floor, filter) in zip(card.gate.minimumLevels, scorecard.gateFilters) {
        guard let required = card.rank(of: floor.level) else { continue }
        for result in report?.results ?? [] {
          guard let entity = evaluator.catalog[result.entity] else { continue }
          let rank = result.level.flatMap(card.rank(of:)) ?? -1
          // The filter only narrows the entities held to the floor: asked only of those below it.
          guard rank < required else { continue }
          if let filter, filter.evaluate(evaluator.bindings(for: entity)) != .bool(true) { continue }
          violations.append(
            Violation(
              scorecard: card.name, entity: result.entity.canonical,
              message:
                "'\(result.entity.canonical)' must reach \(floor.level) in \(card.title)"
                + " but is at \(result.level ?? "no level")",
              location: floor.location, entityLocation: Self.definition(of: entity),
              notes: Self.blockingNotes(result, in: card, upTo: required)
                + [DiagnosticNote("the gate (minimumLevel \(floor.level)) of '\(card.title)'", at: floor.location)]))
        }
      }
    }
    return violations.sorted { ($0.scorecard, $0.entity, $0.message) < ($1.scorecard, $1.entity, $1.message) }
  }

  /// The `metadata.name` line of the entity's catalog file.
  package static func definition(of entity: Entity) -> SourceLocation {
    entity.source.location(of: ValuePath(keys: "metadata", "name"))
  }

  /// One note per check that went from a non-failing result to `fail` or `error`.
  package static func flippedNotes(_ change: LevelChange, in card: Scorecard) -> [DiagnosticNote] {
    change.checks.compactMap { flip in
      guard !isFailing(flip.from), isFailing(flip.to), let check = card.checks.first(where: { $0.id == flip.id }) else {
        return nil
      }
      return DiagnosticNote(describe(check, "went from \(flip.from ?? "no result") to \(flip.to ?? "no result")"))
    }
  }

  /// One note per check at or below `required` that fails or errs, keeping the entity below it.
  package static func blockingNotes(_ result: EntityScore, in card: Scorecard, upTo required: Int) -> [DiagnosticNote] {
    zip(card.checks, result.checks).compactMap { check, outcome in
      guard isFailing(outcome.outcome.rawValue), let level = check.level, let rank = card.rank(of: level),
        rank <= required
      else { return nil }
      return DiagnosticNote(describe(check, "is \(outcome.outcome.rawValue) at \(level)"))
    }
  }

  package static func describe(_ check: ScorecardCheck, _ what: String) -> String {
    let remediation = check.remediation.map { ": \($0)" } ?? ""
    return "check '\(check.title)' (\(check.id)) \(what)\(remediation)"
  }

  package static func isFailing(_ result: String?) -> Bool { result == "fail" || result == "error" }
}

import CEL
import WaymarkModel

/// A scorecard whose CEL expressions compiled: ready to evaluate against any number of entities.
public struct CompiledScorecard: Sendable {
  /// The scorecard as written.
  public let scorecard: Scorecard
  package let appliesTo: CELProgram?
  package let checks: [CompiledCheck]
  package let gateFilters: [CELProgram?]

  package struct CompiledCheck: Sendable {
    package var check: ScorecardCheck
    package var expression: CELProgram
    package var applicable: CELProgram?
  }

  /// Every binding name the scorecard's expressions read.
  package let readNames: Set<String>
  /// Whether any expression reads other scorecards' levels (`scorecards`).
  package let readsScorecards: Bool

  // What the expressions read is found once here: the evaluator asks for every entity.
  package init(
    scorecard: Scorecard, appliesTo: CELProgram?, checks: [CompiledCheck], gateFilters: [CELProgram?]
  ) {
    self.scorecard = scorecard
    self.appliesTo = appliesTo
    self.checks = checks
    self.gateFilters = gateFilters
    let programs = [appliesTo].compactMap { $0 } + checks.flatMap { [$0.expression, $0.applicable].compactMap { $0 } }
    self.readNames = Set(programs.flatMap(\.referencedNames))
    self.readsScorecards = programs.contains { $0.referencedNames.contains("scorecards") }
  }
}

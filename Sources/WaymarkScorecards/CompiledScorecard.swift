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
  package var readNames: Set<String> {
    let programs = [appliesTo].compactMap { $0 } + checks.flatMap { [$0.expression, $0.applicable].compactMap { $0 } }
    return Set(programs.flatMap(\.referencedNames))
  }

  /// Whether any expression reads other scorecards' levels (`scorecards`).
  package var readsScorecards: Bool {
    let programs = [appliesTo].compactMap { $0 } + checks.flatMap { [$0.expression, $0.applicable].compactMap { $0 } }
    return programs.contains { $0.referencedNames.contains("scorecards") }
  }
}

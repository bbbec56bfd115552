import CEL

/// A scorecard whose CEL expressions compiled: ready to evaluate against any number of entities.
public struct CompiledScorecard: Sendable {
  /// The scorecard as written.
  public let scorecard: Scorecard
  let appliesTo: CELProgram?
  let checks: [CompiledCheck]
  let gateFilters: [CELProgram?]

  struct CompiledCheck: Sendable {
    var check: ScorecardCheck
    var expression: CELProgram
    var applicable: CELProgram?
  }

  /// Every binding name the scorecard's expressions read.
  var readNames: Set<String> {
    let programs = [appliesTo].compactMap { $0 } + checks.flatMap { [$0.expression, $0.applicable].compactMap { $0 } }
    return Set(programs.flatMap(\.referencedNames))
  }

  /// Whether any expression reads other scorecards' levels (`scorecards`).
  var readsScorecards: Bool {
    let programs = [appliesTo].compactMap { $0 } + checks.flatMap { [$0.expression, $0.applicable].compactMap { $0 } }
    return programs.contains { $0.referencedNames.contains("scorecards") }
  }
}

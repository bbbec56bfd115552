import WaymarkModel

/// Reports checks whose CEL gave an error on some entities, at the expression that failed.
///
/// An `error` result keeps an entity below the check's level just as a failure does, but it says
/// the policy (not the entity) is at fault, so it must not pass silently: each such check gets one
/// `scorecard.check-error` warning with how many entities, the first three and the first message.
/// A scorecard whose gate sets `failOnError` makes it an error in `waymark check`. Errors from an
/// exhausted evaluation budget are left to `CELBudgetReporter`.
package struct CheckErrorReporter: Sendable {
  /// Whether errors are enforced (in `waymark check`).
  package var enforceGates: Bool

  /// One diagnostic per (scorecard, check) that gave an error on any entity.
  package func diagnostics(for reports: [ScorecardReport]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for report in reports {
      let scorecard = report.scorecard
      for (index, check) in scorecard.checks.enumerated() {
        var failed: [EntityRef] = []
        var first = ""
        var firstFromApplicable = false
        for result in report.results where index < result.checks.count {
          let outcome = result.checks[index]
          // A check stopped by its budget is `policy.cel-limit`'s, not reported twice.
          guard outcome.outcome == .error, let message = outcome.message, outcome.budgetStop == nil else { continue }
          if failed.isEmpty { (first, firstFromApplicable) = (message, outcome.fromApplicable) }
          failed.append(result.entity)
        }
        guard !failed.isEmpty else { continue }
        let expression = firstFromApplicable ? check.applicable ?? check.expression : check.expression
        let shown = failed.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (failed.count > 3 ? ", …" : "")
        let entities = failed.count == 1 ? "1 entity" : "\(failed.count) entities"
        let message =
          "check '\(check.id)' of scorecard '\(scorecard.name)' gave an error on \(entities) (\(shown)): \(first)"
        let enforced = enforceGates && scorecard.gate.failOnError
        diagnostics.append(
          enforced
            ? .error(.scorecardCheckError, message, at: expression.location)
            : .warning(.scorecardCheckError, message, at: expression.location))
      }
    }
    return diagnostics
  }
}

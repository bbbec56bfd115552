import WaymarkModel

/// Reports checks whose CEL ran out of its evaluation budget, at the expression.
///
/// Each evaluation may take `ScorecardCompiler`'s budget (100,000 steps and 100,000
/// comprehension iterations; a step per node visited and per 64 bytes or elements an operation
/// builds), so a runaway expression (nested comprehensions, doubling strings) stops in bounded
/// time and memory with the result `error`. That result alone would not say the policy itself is
/// at fault, so each such check gets one `policy.cel-limit` warning with how many entities it
/// stopped on.
package struct CELBudgetReporter: Sendable {
  /// One warning per (scorecard, check) that exhausted its budget on any entity.
  package func diagnostics(for reports: [ScorecardReport]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for report in reports {
      for (index, check) in report.scorecard.checks.enumerated() {
        var stopped: [EntityRef] = []
        var firstStop: CheckResult.BudgetStop?
        for result in report.results where index < result.checks.count {
          guard let stop = result.checks[index].budgetStop else { continue }
          if firstStop == nil { firstStop = stop }
          stopped.append(result.entity)
        }
        guard let first = stopped.first, let stop = firstStop else { continue }
        let reason = stop.reason
        let expression = stop.inApplicable ? check.applicable ?? check.expression : check.expression
        let entities = stopped.count == 1 ? "1 entity ('\(first)')" : "\(stopped.count) entities (first '\(first)')"
        diagnostics.append(
          .warning(
            .policyCELLimit,
            "check '\(check.id)' of scorecard '\(report.scorecard.name)' stopped on \(entities): \(reason); its result there is 'error'",
            at: expression.location))
      }
    }
    return diagnostics
  }
}

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
        var reason = ""
        var inApplicable = false
        for result in report.results where index < result.checks.count {
          let outcome = result.checks[index]
          guard outcome.outcome == .error, let message = outcome.message, Self.isBudgetExhaustion(message) else { continue }
          if stopped.isEmpty {
            inApplicable = message.hasPrefix("applicable: ")
            reason = inApplicable ? String(message.dropFirst("applicable: ".count)) : message
          }
          stopped.append(result.entity)
        }
        guard let first = stopped.first else { continue }
        let expression = inApplicable ? check.applicable ?? check.expression : check.expression
        let entities = stopped.count == 1 ? "1 entity ('\(first)')" : "\(stopped.count) entities (first '\(first)')"
        diagnostics.append(
          .warning(
            "policy.cel-limit",
            "check '\(check.id)' of scorecard '\(report.scorecard.name)' stopped on \(entities): \(reason); its result there is 'error'",
            at: expression.location))
      }
    }
    return diagnostics
  }

  /// Whether a CEL error is the evaluator's budget running out rather than the data.
  package static func isBudgetExhaustion(_ message: String) -> Bool {
    message.contains("cost limit exceeded (") || message.contains("iteration limit exceeded (")
  }
}

import WaymarkModel

/// Reports scorecards whose `appliesTo` failed on some entities, at the expression.
///
/// An `appliesTo` that errors (a field read without `has()`, a budget run out) or gives a non-bool
/// cannot say whether the scorecard applies; the entity is left unscored rather than guessed, and
/// this warning keeps that from passing silently.
package struct AppliesToFailureReporter: Sendable {
  /// One `scorecard.applies-to-failed` warning per scorecard with failures.
  package func diagnostics(for reports: [ScorecardReport]) -> [Diagnostic] {
    reports.compactMap { report in
      guard let expression = report.scorecard.appliesTo, let first = report.appliesToFailures.keys.min(),
        let reason = report.appliesToFailures[first]
      else { return nil }
      let count = report.appliesToFailures.count
      let entities = count == 1 ? "1 entity ('\(first)')" : "\(count) entities (first '\(first)')"
      return .warning(
        .scorecardAppliesToFailed,
        "appliesTo of scorecard '\(report.scorecard.name)' failed on \(entities): \(reason); they are not scored",
        at: expression.location)
    }
  }
}

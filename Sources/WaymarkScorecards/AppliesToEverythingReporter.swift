import WaymarkModel

/// Warns about a scorecard without `appliesTo` that scored Users, Groups or Locations.
///
/// A scorecard written for services but left without `appliesTo` scores every entity, people and
/// teams included, which fills its pages and averages with results nobody meant; one warning per
/// scorecard names the kinds it scored so the author can add the filter.
package struct AppliesToEverythingReporter: Sendable {
  /// The kinds that are rarely what a scorecard means to score.
  package static let surprisingKinds = ["Group", "Location", "User"]

  /// One `scorecard.applies-to-everything` warning per scorecard concerned.
  package func diagnostics(for reports: [ScorecardReport]) -> [Diagnostic] {
    reports.compactMap { report in
      guard report.scorecard.appliesTo == nil else { return nil }
      var counts: [String: Int] = [:]
      for result in report.results {
        let kind = result.entity.kind.lowercased()
        if let match = Self.surprisingKinds.first(where: { $0.lowercased() == kind }) { counts[match, default: 0] += 1 }
      }
      guard !counts.isEmpty else { return nil }
      let kinds = Self.surprisingKinds.compactMap { kind in counts[kind].map { "\($0) \(kind)\($0 == 1 ? "" : "s")" } }
      return .warning(
        .scorecardAppliesToEverything,
        "scorecard '\(report.scorecard.name)' has no appliesTo and scored \(kinds.joined(separator: ", ")); "
          + "add appliesTo (e.g. \"entity.kind == 'Component'\") to score only what it is meant for",
        at: report.scorecard.source)
    }
  }
}

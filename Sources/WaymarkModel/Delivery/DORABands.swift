/// DORA's performance clusters of one report year, applied to a single metric's raw value.
///
/// The clusters are survey results that move every year (see `../shared/reference/dora.md` §4),
/// so a band is always shown with its report and after the raw value. A value gets the best
/// cluster whose published figure it meets. In 2024 the high cluster's change failure rate
/// (20%) is worse than the medium cluster's (10%); by that rule a rate between 5% and 20% is
/// "high", so "medium" is never given for that metric in 2024. The 2023 report's low and
/// medium clusters share their deployment frequency and lead time ranges; anything slower
/// than the medium range is "low". Rework rate has no published bands.
public enum DORABands: String, Sendable, Hashable, CaseIterable {
  case dora2023 = "dora-2023"
  case dora2024 = "dora-2024"

  /// The report's name for pages: `DORA 2023`.
  public var title: String { self == .dora2023 ? "DORA 2023" : "DORA 2024" }

  /// Deployments per day: on demand (≥ 1/day) elite, ≥ weekly high, ≥ monthly medium.
  public func deploymentFrequency(perDay: Double) -> String {
    if perDay >= 1 { return "elite" }
    if perDay >= 1.0 / 7 { return "high" }
    if perDay >= 1.0 / 30 { return "medium" }
    return "low"
  }

  /// Median lead time: under a day elite, a week high, a month (730 h) medium.
  public func leadTime(hours: Double) -> String {
    if hours < 24 { return "elite" }
    if hours < 168 { return "high" }
    if hours < 730 { return "medium" }
    return "low"
  }

  /// Change failure rate (0…1): 2023 — 5% elite, 10% high, 15% medium; 2024 — 5% elite, 20% high.
  public func changeFailureRate(_ rate: Double) -> String {
    switch self {
    case .dora2023:
      if rate <= 0.05 { return "elite" }
      if rate <= 0.10 { return "high" }
      if rate <= 0.15 { return "medium" }
      return "low"
    case .dora2024:
      if rate <= 0.05 { return "elite" }
      if rate <= 0.20 { return "high" }
      return "low"
    }
  }

  /// Median recovery: under an hour elite, a day high; 2023 — under a week medium.
  public func recoveryTime(hours: Double) -> String {
    if hours < 1 { return "elite" }
    if hours < 24 { return "high" }
    if self == .dora2023, hours < 168 { return "medium" }
    return "low"
  }
}

import StructuredData
import WaymarkModel

/// Everything the scorecard stage produced, for rendering and gating.
public struct ScorecardOutcome: Sendable {
  /// Results per scorecard, sorted by name.
  public var reports: [ScorecardReport]
  /// Every waiver with its status.
  public var waivers: [CompiledWaiver]
  /// Changes against the baseline, when one was given.
  public var changes: [LevelChange]?
  /// The baseline's `asOf`, when one was given.
  public var baselineAsOf: String?
  /// The history series including this build.
  public var history: [JSONValue]
  /// Broken gates.
  public var violations: [GateEvaluator.Violation]

  /// No scorecards.
  public static let empty = ScorecardOutcome(
    reports: [], waivers: [], changes: nil, baselineAsOf: nil, history: [], violations: [])
}

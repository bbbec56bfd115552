import StructuredData

/// A scorecard's verdict on one entity.
public struct EntityScore: Sendable, Hashable {
  /// The entity.
  public var entity: EntityRef
  /// The highest level reached, or nil when not even the lowest.
  public var level: String?
  /// The weighted share of passing checks among pass, fail and error (0…1); nil when none counts.
  public var score: Double?
  /// Every check's result, in the scorecard's order.
  public var checks: [CheckResult]
  /// Why: the inputs the scorecard's expressions read for this entity (the entity's file, and the
  /// docs folder, event window or policy-result files behind `docs`, `dora` and `policy`).
  public var inputs: JSONValue = .null

  /// Creates a value from each stored property.
  package init(
    entity: EntityRef, level: String? = nil, score: Double? = nil, checks: [CheckResult], inputs: JSONValue = .null
  ) {
    self.entity = entity
    self.level = level
    self.score = score
    self.checks = checks
    self.inputs = inputs
  }
}

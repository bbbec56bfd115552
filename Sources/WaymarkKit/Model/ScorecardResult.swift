import StructuredData

/// The outcome of one check for one entity: five distinct states, never folded together.
public enum CheckOutcome: String, Sendable, Hashable, CaseIterable {
  case pass, fail, waived
  case notApplicable = "not-applicable"
  case error
}

/// One check's result for one entity, with why.
public struct CheckResult: Sendable, Hashable {
  /// The check id.
  public var id: String
  /// The outcome.
  public var outcome: CheckOutcome
  /// A short explanation: the CEL error, the waiver, or what failed.
  public var message: String?
  /// The waiver that applied, if any.
  public var waiver: String?
}

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
}

/// A scorecard with its results over every entity it applies to.
public struct ScorecardReport: Sendable, Hashable {
  /// The scorecard.
  public var scorecard: Scorecard
  /// Results, sorted by entity reference.
  public var results: [EntityScore]

  /// The result for `entity`, if the scorecard applies to it; a binary search over the sorted results.
  public func result(for entity: EntityRef) -> EntityScore? {
    var low = 0
    var high = results.count
    while low < high {
      let middle = (low + high) / 2
      if results[middle].entity < entity { low = middle + 1 } else { high = middle }
    }
    return low < results.count && results[low].entity == entity ? results[low] : nil
  }
}

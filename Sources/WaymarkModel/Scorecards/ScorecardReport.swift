import StructuredData

/// A scorecard with its results over every entity it applies to.
public struct ScorecardReport: Sendable, Hashable {
  /// The scorecard.
  public var scorecard: Scorecard
  /// Results, sorted by entity reference.
  public var results: [EntityScore]
  /// Entities the scorecard's `appliesTo` failed on (an error or a non-bool), with the reason:
  /// they are not scored, and the stage warns (`scorecard.applies-to-failed`).
  public var appliesToFailures: [EntityRef: String] = [:]

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

  /// Creates a value from each stored property.
  package init(scorecard: Scorecard, results: [EntityScore], appliesToFailures: [EntityRef: String] = [:]) {
    self.scorecard = scorecard
    self.results = results
    self.appliesToFailures = appliesToFailures
  }
}

import Foundation
import StructuredData

/// One entity's change against the baseline in one scorecard.
public struct LevelChange: Sendable, Hashable {
  /// The scorecard.
  public var scorecard: String
  /// The entity, canonical.
  public var entity: String
  /// The level before (nil: none or not scored).
  public var from: String?
  /// The level now.
  public var to: String?
  /// `up`, `down`, `same` (checks changed only), `new` or `removed`.
  public var direction: String
  /// Checks whose result changed: id, before, after.
  public var checks: [(id: String, from: String?, to: String?)]

  public static func == (lhs: LevelChange, rhs: LevelChange) -> Bool {
    lhs.scorecard == rhs.scorecard && lhs.entity == rhs.entity && lhs.from == rhs.from && lhs.to == rhs.to
      && lhs.direction == rhs.direction && lhs.checks.map(\.id) == rhs.checks.map(\.id)
      && lhs.checks.map(\.from) == rhs.checks.map(\.from) && lhs.checks.map(\.to) == rhs.checks.map(\.to)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(scorecard)
    hasher.combine(entity)
    hasher.combine(direction)
  }
}

/// An exemption from one check for some entities, reviewed as code.
public struct Waiver: Sendable, Hashable {
  /// The waiver's name (`metadata.name`).
  public var name: String
  /// The scorecard it exempts from.
  public var scorecard: String
  /// The check it exempts from.
  public var check: String
  /// Entities it covers, by reference.
  public var entities: [EntityRef]
  /// Entities it covers, by CEL filter over `entity`.
  public var filter: PolicyExpression?
  /// Why.
  public var reason: String
  /// A link to the ticket tracking the fix.
  public var ticket: String?
  /// The end of the day it stops applying (UTC midnight after the `expires` date).
  public var expires: Timestamp
  /// The `expires` date as written.
  public var expiresDate: String
  /// The User who approved it.
  public var approvedBy: EntityRef
  /// Where the waiver is defined.
  public var source: SourceLocation
}

/// Whether a waiver applies, and if not, why.
public enum WaiverStatus: String, Sendable, Hashable {
  case active, expired, unauthorized, invalid
}

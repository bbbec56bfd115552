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

  /// Creates a value from each stored property.
  package init(
    name: String, scorecard: String, check: String, entities: [EntityRef], filter: PolicyExpression? = nil,
    reason: String, ticket: String? = nil, expires: Timestamp, expiresDate: String, approvedBy: EntityRef,
    source: SourceLocation
  ) {
    self.name = name
    self.scorecard = scorecard
    self.check = check
    self.entities = entities
    self.filter = filter
    self.reason = reason
    self.ticket = ticket
    self.expires = expires
    self.expiresDate = expiresDate
    self.approvedBy = approvedBy
    self.source = source
  }
}

/// Whether a waiver applies, and if not, why.
public enum WaiverStatus: String, Sendable, Hashable {
  case active, expired, unauthorized, invalid
}

/// One check of a scorecard.
public struct ScorecardCheck: Sendable, Hashable {
  /// The check's id, unique within its scorecard.
  public var id: String
  /// The display title.
  public var title: String
  /// Why the check matters.
  public var description: String?
  /// The level the check belongs to; nil when the scorecard has no levels.
  public var level: String?
  /// The check's weight in the score (default 1).
  public var weight: Double
  /// The CEL expression that must be true for the check to pass.
  public var expression: PolicyExpression
  /// A CEL expression; when false the check is not applicable to the entity.
  public var applicable: PolicyExpression?
  /// How to fix a failure, in markdown.
  public var remediation: String?
  /// Further reading: `{title, url}`.
  public var links: [PolicyLink]

  /// Creates a value from each stored property.
  package init(
    id: String, title: String, description: String? = nil, level: String? = nil, weight: Double,
    expression: PolicyExpression, applicable: PolicyExpression? = nil, remediation: String? = nil, links: [PolicyLink]
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.level = level
    self.weight = weight
    self.expression = expression
    self.applicable = applicable
    self.remediation = remediation
    self.links = links
  }
}

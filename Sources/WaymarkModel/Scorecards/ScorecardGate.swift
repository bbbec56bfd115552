/// What `waymark check` enforces for a scorecard.
public struct ScorecardGate: Sendable, Hashable {
  /// No entity may drop to a lower level than in the baseline.
  public var noLevelDrop: Bool
  /// Entities matching `where` must reach at least `level`.
  public var minimumLevels: [MinimumLevel]
  /// In `waymark check`, a check that gives an error on any entity fails the check (not only warns).
  public var failOnError = false

  /// A floor for some entities.
  public struct MinimumLevel: Sendable, Hashable {
    /// The level they must reach.
    public var level: String
    /// A CEL filter over `entity`; nil means every entity the scorecard applies to.
    public var filter: PolicyExpression?
    /// Where the rule is written.
    public var location: SourceLocation

    /// Creates a value from each stored property.
    package init(level: String, filter: PolicyExpression? = nil, location: SourceLocation) {
      self.level = level
      self.filter = filter
      self.location = location
    }
  }

  /// No gate.
  public static let none = ScorecardGate(noLevelDrop: false, minimumLevels: [])
}

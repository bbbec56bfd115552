import StructuredData

/// A unit test for a scorecard: inline entities and the results their checks must give.
public struct ScorecardTest: Sendable, Hashable {
  /// The test's name.
  public var name: String
  /// The scorecard under test.
  public var scorecard: String
  /// Inline entity documents, validated like catalog entities.
  public var entities: [JSONValue]
  /// Facts per entity reference (`docs`, `dora`, `policy`), standing in for the other stages.
  public var facts: [String: JSONValue]
  /// The expected outcomes.
  public var expectations: [Expectation]
  /// Where the test is defined.
  public var source: SourceLocation

  /// One expected outcome: a check's result, or the level reached.
  public struct Expectation: Sendable, Hashable {
    /// The entity, as a reference string.
    public var entity: String
    /// The check id, or nil for a level expectation.
    public var check: String?
    /// The expected outcome (`pass`, `fail`, …) when `check` is set.
    public var result: CheckOutcome?
    /// The expected level (`none` for no level) when `check` is nil.
    public var level: String?
    /// Where the expectation is written.
    public var location: SourceLocation

    /// Creates a value from each stored property.
    package init(
      entity: String, check: String? = nil, result: CheckOutcome? = nil, level: String? = nil, location: SourceLocation
    ) {
      self.entity = entity
      self.check = check
      self.result = result
      self.level = level
      self.location = location
    }
  }

  /// Creates a value from each stored property.
  package init(
    name: String, scorecard: String, entities: [JSONValue], facts: [String: JSONValue], expectations: [Expectation],
    source: SourceLocation
  ) {
    self.name = name
    self.scorecard = scorecard
    self.entities = entities
    self.facts = facts
    self.expectations = expectations
    self.source = source
  }
}

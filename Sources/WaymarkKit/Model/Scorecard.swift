/// A production-readiness standard written as code: ordered levels of CEL checks.
public struct Scorecard: Sendable, Hashable {
  /// The scorecard's name (`metadata.name`), unique among policies.
  public var name: String
  /// The display title.
  public var title: String
  /// What the standard is for.
  public var description: String?
  /// The Group that owns the standard.
  public var owner: EntityRef?
  /// A CEL filter over `entity`: which entities the scorecard applies to; nil means all.
  public var appliesTo: PolicyExpression?
  /// Level names, lowest first (`bronze`, `silver`, `gold`); may be empty (score only).
  public var levels: [String]
  /// The checks, in file order.
  public var checks: [ScorecardCheck]
  /// Groups whose members (transitively) may approve waivers against this scorecard.
  public var waiverApprovers: [EntityRef]
  /// What `waymark check` enforces.
  public var gate: ScorecardGate
  /// Where the scorecard is defined.
  public var source: SourceLocation

  /// The rank of a level name (0 = lowest), if it is one of this scorecard's levels.
  public func rank(of level: String) -> Int? { levels.firstIndex(of: level) }
}

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
}

/// A CEL expression as written in a policy file, with where its text starts.
public struct PolicyExpression: Sendable, Hashable {
  /// The CEL source.
  public var source: String
  /// Where the source text begins (after any quote), for locating compile errors.
  public var location: SourceLocation
  /// Whether the text was written on one line in a plain or quoted scalar, so CEL columns map directly.
  public var isSingleLine: Bool

  /// Creates an expression.
  public init(source: String, location: SourceLocation, isSingleLine: Bool) {
    self.source = source
    self.location = location
    self.isSingleLine = isSingleLine
  }

  /// The file location of a CEL line and column inside this expression.
  public func location(line: Int, column: Int) -> SourceLocation {
    if line <= 1 && isSingleLine {
      return SourceLocation(path: location.path, line: location.line, column: location.column + column - 1)
    }
    if isSingleLine { return location }
    // Block scalars start on the line after the indicator; their columns are the indentation onwards.
    return SourceLocation(path: location.path, line: location.line + line - 1, column: location.column + column - 1)
  }
}

/// A titled link.
public struct PolicyLink: Sendable, Hashable {
  /// The link text.
  public var title: String
  /// The URL.
  public var url: String
}

/// What `waymark check` enforces for a scorecard.
public struct ScorecardGate: Sendable, Hashable {
  /// No entity may drop to a lower level than in the baseline.
  public var noLevelDrop: Bool
  /// Entities matching `where` must reach at least `level`.
  public var minimumLevels: [MinimumLevel]

  /// A floor for some entities.
  public struct MinimumLevel: Sendable, Hashable {
    /// The level they must reach.
    public var level: String
    /// A CEL filter over `entity`; nil means every entity the scorecard applies to.
    public var filter: PolicyExpression?
    /// Where the rule is written.
    public var location: SourceLocation
  }

  /// No gate.
  public static let none = ScorecardGate(noLevelDrop: false, minimumLevels: [])
}

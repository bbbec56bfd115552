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

  /// Creates a value from each stored property.
  package init(
    name: String, title: String, description: String? = nil, owner: EntityRef? = nil,
    appliesTo: PolicyExpression? = nil, levels: [String], checks: [ScorecardCheck], waiverApprovers: [EntityRef],
    gate: ScorecardGate, source: SourceLocation
  ) {
    self.name = name
    self.title = title
    self.description = description
    self.owner = owner
    self.appliesTo = appliesTo
    self.levels = levels
    self.checks = checks
    self.waiverApprovers = waiverApprovers
    self.gate = gate
    self.source = source
  }
}

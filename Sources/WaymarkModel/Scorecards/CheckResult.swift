import StructuredData

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

  /// Creates a value from each stored property.
  package init(id: String, outcome: CheckOutcome, message: String? = nil, waiver: String? = nil) {
    self.id = id
    self.outcome = outcome
    self.message = message
    self.waiver = waiver
  }
}

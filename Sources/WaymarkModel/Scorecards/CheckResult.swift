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
  /// Where the check's CEL ran out of its evaluation budget, if it did (`policy.cel-limit`).
  public var budgetStop: BudgetStop?
  /// Whether the result comes from the check's `applicable` expression rather than its `expr`.
  public var fromApplicable: Bool

  /// A check whose CEL stopped on its evaluation budget rather than on the data.
  public struct BudgetStop: Sendable, Hashable {
    /// Whether it was the check's `applicable` expression, not its `expr`.
    public var inApplicable: Bool
    /// CEL's reason: `evaluation cost limit exceeded (100000 steps)`.
    public var reason: String

    /// Creates a value from each stored property.
    package init(inApplicable: Bool, reason: String) {
      self.inApplicable = inApplicable
      self.reason = reason
    }
  }

  /// Creates a value from each stored property.
  package init(
    id: String, outcome: CheckOutcome, message: String? = nil, waiver: String? = nil, budgetStop: BudgetStop? = nil,
    fromApplicable: Bool = false
  ) {
    self.id = id
    self.outcome = outcome
    self.message = message
    self.waiver = waiver
    self.budgetStop = budgetStop
    self.fromApplicable = fromApplicable
  }
}

import StructuredData

/// The outcome of one check for one entity: five distinct states, never folded together.
public enum CheckOutcome: String, Sendable, Hashable, CaseIterable {
  case pass, fail, waived
  case notApplicable = "not-applicable"
  case error
}

/// The outcome of one policy check on one target, as PolicyReport names them.
public enum GuardrailOutcome: String, Sendable, Hashable, CaseIterable, Comparable {
  case pass, fail, warn, error, skip

  /// How bad an outcome is when several findings of one rule are rolled up: a rule fails if any
  /// check failed; skipped checks only decide when nothing else was evaluated.
  package var badness: Int {
    switch self {
    case .fail: return 4
    case .error: return 3
    case .warn: return 2
    case .pass: return 1
    case .skip: return 0
    }
  }

  public static func < (lhs: GuardrailOutcome, rhs: GuardrailOutcome) -> Bool { lhs.badness < rhs.badness }
}

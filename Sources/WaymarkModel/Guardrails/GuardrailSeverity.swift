import Foundation

/// A normalised severity; the mapping from each format is documented in the README.
public enum GuardrailSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
  case critical, high, medium, low, info

  package var rank: Int {
    switch self {
    case .critical: return 4
    case .high: return 3
    case .medium: return 2
    case .low: return 1
    case .info: return 0
    }
  }

  public static func < (lhs: GuardrailSeverity, rhs: GuardrailSeverity) -> Bool { lhs.rank < rhs.rank }

  /// A tool's severity word (`HIGH`, `moderate`, `informational`, …), or nil when it is not one.
  public init?(word: String) {
    switch word.lowercased().trimmingCharacters(in: .whitespaces) {
    case "critical", "blocker": self = .critical
    case "high", "error", "major": self = .high
    case "medium", "moderate", "warning": self = .medium
    case "low", "minor", "note", "recommendation": self = .low
    case "info", "informational", "information", "none", "negligible": self = .info
    default: return nil
    }
  }

  /// GitHub's buckets for a CVSS-like `security-severity` score: over 9.0 critical, 7.0–8.9 high,
  /// 4.0–6.9 medium, below that low (and 0 info).
  public init(score: Double) {
    switch score {
    case 9.0...: self = .critical
    case 7.0..<9.0: self = .high
    case 4.0..<7.0: self = .medium
    case 0.1..<4.0: self = .low
    default: self = .info
    }
  }
}

extension GuardrailSeverity {
  /// The severity of a result whose format gives none: failures high, warnings and evaluation
  /// errors medium, passes and skips info.
  public static func fallback(for outcome: GuardrailOutcome) -> GuardrailSeverity {
    switch outcome {
    case .fail: return .high
    case .warn, .error: return .medium
    case .pass, .skip: return .info
    }
  }
}

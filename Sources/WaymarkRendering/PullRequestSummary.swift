import WaymarkLoading
import WaymarkModel
import WaymarkScorecards

/// A markdown summary for a pull-request comment: the errors that fail the check first, then level
/// changes with the checks that flipped, broken gates and waivers about to expire.
public struct PullRequestSummary: Sendable {
  /// Waivers expiring within this many days are listed.
  public var expiryWindowDays: Int
  /// At most this many errors are listed; the rest are counted.
  public var errorLimit = 20

  /// Creates a summary writer.
  public init(expiryWindowDays: Int = 14) {
    self.expiryWindowDays = expiryWindowDays
  }

  /// The markdown text; every string taken from the inputs is escaped (`MarkdownEscaper`).
  public func markdown(_ outcome: ScorecardOutcome, now: Timestamp, diagnostics: DiagnosticList) -> String {
    let writer = Writer(
      scorecards: Dictionary(outcome.reports.map { ($0.scorecard.name, $0.scorecard) }) { first, _ in first })
    var lines = ["## Waymark readiness", ""]
    lines += writer.errors(diagnostics, limit: errorLimit)
    lines += writer.changes(outcome.changes)
    if !outcome.violations.isEmpty {
      lines.append(
        "**\(Writer.count(outcome.violations.count, "gate")) \(outcome.violations.count == 1 ? "is" : "are") broken:**")
      for violation in outcome.violations { lines.append("- \(writer.text(violation.message))") }
      lines.append("")
    }
    let horizon = now.adding(days: expiryWindowDays)
    let expiring = outcome.waivers.filter { $0.status == .active && $0.waiver.expires <= horizon }
    if !expiring.isEmpty {
      let verb = expiring.count == 1 ? "expires" : "expire"
      lines.append("**\(Writer.count(expiring.count, "waiver")) \(verb) within \(expiryWindowDays) days:**")
      for waiver in expiring {
        let card = writer.scorecards[waiver.waiver.scorecard]
        let title = card?.checks.first { $0.id == waiver.waiver.check }?.title ?? waiver.waiver.check
        let checked = writer.text("\(card?.title ?? waiver.waiver.scorecard) / \(title)")
        lines.append(
          "- \(writer.code(waiver.waiver.name)) (\(checked)) expires \(writer.text(waiver.waiver.expiresDate))")
      }
      lines.append("")
    }
    lines.append(
      "\(Writer.count(diagnostics.errorCount, "error")), \(Writer.count(diagnostics.warningCount, "warning")).")
    // Posted as a pull-request comment: names and messages quoted from the inputs are redacted.
    return SecretScanner().redacting(lines.joined(separator: "\n") + "\n")
  }
}

extension PullRequestSummary {
  /// Writes the sections; scorecards are named by title everywhere.
  struct Writer {
    let scorecards: [String: Scorecard]
    // Redacted before escaping: an escaped credential (`ghp\_…`) no longer matches its pattern.
    let scanner = SecretScanner()

    func text(_ value: String) -> String { MarkdownEscaper.text(scanner.redacting(value)) }
    func code(_ value: String) -> String { MarkdownEscaper.codeSpan(scanner.redacting(value)) }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// The errors that fail the check, other than broken gates (listed with the gates).
    func errors(_ diagnostics: DiagnosticList, limit: Int) -> [String] {
      let errors = diagnostics.items.filter { $0.severity == .error && $0.code != .scorecardGate }
      guard !errors.isEmpty else { return [] }
      var lines = ["**\(Self.count(errors.count, "error")) must be fixed:**"]
      for error in errors.prefix(limit) {
        let location = error.location.map { "\(code($0.description)) " } ?? ""
        lines.append("- \(location)\(text(error.message)) \(code(error.code.rawValue))")
      }
      if errors.count > limit { lines.append("- …and \(errors.count - limit) more") }
      return lines + [""]
    }

    /// Level drops and rises, each with the checks whose result crossed between passing and failing.
    func changes(_ changes: [LevelChange]?) -> [String] {
      guard let changes else { return ["No baseline was given, so level changes are not shown.", ""] }
      let drops = changes.filter { $0.direction == "down" }
      let rises = changes.filter { $0.direction == "up" }
      guard !drops.isEmpty || !rises.isEmpty else { return ["No entity changes level.", ""] }
      var lines: [String] = []
      for (title, moved) in [("drop", drops), ("rise", rises)] where !moved.isEmpty {
        let noun = moved.count == 1 ? "entity" : "entities"
        lines.append("**\(moved.count) \(noun) \(title)\(moved.count == 1 ? "s" : "") a level:**")
        for change in moved {
          let card = scorecards[change.scorecard]
          let levels = "\(text(change.from ?? "none")) → \(text(change.to ?? "none"))"
          lines.append("- \(code(change.entity)) in \(text(card?.title ?? change.scorecard)): \(levels)")
          lines += flipped(change, in: card)
        }
        lines.append("")
      }
      return lines
    }

    private func flipped(_ change: LevelChange, in card: Scorecard?) -> [String] {
      change.checks.compactMap { flip in
        guard GateEvaluator.isFailing(flip.from) != GateEvaluator.isFailing(flip.to) else { return nil }
        let check = card?.checks.first { $0.id == flip.id }
        let results = "\(text(flip.from ?? "none")) → \(text(flip.to ?? "none"))"
        let remediation = GateEvaluator.isFailing(flip.to) ? check?.remediation.map { ": \(text($0))" } ?? "" : ""
        return "  - \(text(check?.title ?? flip.id)) (\(code(flip.id))): \(results)\(remediation)"
      }
    }
  }
}

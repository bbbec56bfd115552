import WaymarkLoading
import WaymarkModel
import WaymarkScorecards
/// A markdown summary of scorecard changes and expiring waivers, for a pull-request comment.
public struct PullRequestSummary: Sendable {
  /// Waivers expiring within this many days are listed.
  public var expiryWindowDays: Int

  /// Creates a summary writer.
  public init(expiryWindowDays: Int = 14) {
    self.expiryWindowDays = expiryWindowDays
  }

  /// The markdown text; every string taken from the inputs is escaped (`MarkdownEscaper`).
  public func markdown(_ outcome: ScorecardOutcome, now: Timestamp, diagnostics: DiagnosticList) -> String {
    // Redacted before escaping: an escaped credential (`ghp\_…`) no longer matches its pattern.
    let scanner = SecretScanner()
    func text(_ value: String) -> String { MarkdownEscaper.text(scanner.redacting(value)) }
    func code(_ value: String) -> String { MarkdownEscaper.codeSpan(scanner.redacting(value)) }
    var lines = ["## Waymark readiness", ""]
    let drops = (outcome.changes ?? []).filter { $0.direction == "down" }
    let rises = (outcome.changes ?? []).filter { $0.direction == "up" }
    if outcome.changes == nil {
      lines.append("No baseline was given, so level changes are not shown.")
    } else if drops.isEmpty && rises.isEmpty {
      lines.append("No entity changes level.")
    }
    for (title, changes) in [("drop", drops), ("rise", rises)] where !changes.isEmpty {
      let noun = changes.count == 1 ? "entity" : "entities"
      lines.append("**\(changes.count) \(noun) \(title)\(changes.count == 1 ? "s" : "") a level:**")
      for change in changes {
        let levels = "\(text(change.from ?? "none")) → \(text(change.to ?? "none"))"
        lines.append("- \(code(change.entity)) in \(text(change.scorecard)): \(levels)")
      }
      lines.append("")
    }
    let horizon = now.adding(days: expiryWindowDays)
    let expiring = outcome.waivers.filter { $0.status == .active && $0.waiver.expires <= horizon }
    if !expiring.isEmpty {
      lines.append("**\(expiring.count) waiver\(expiring.count == 1 ? "" : "s") expire within \(expiryWindowDays) days:**")
      for waiver in expiring {
        let checked = text("\(waiver.waiver.scorecard)/\(waiver.waiver.check)")
        lines.append("- \(code(waiver.waiver.name)) (\(checked)) expires \(text(waiver.waiver.expiresDate))")
      }
      lines.append("")
    }
    if !outcome.violations.isEmpty {
      lines.append("**\(outcome.violations.count) gate\(outcome.violations.count == 1 ? " is" : "s are") broken:**")
      for violation in outcome.violations { lines.append("- \(text(violation.message))") }
      lines.append("")
    }
    lines.append("\(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s).")
    // Posted as a pull-request comment: names and messages quoted from the inputs are redacted.
    return SecretScanner().redacting(lines.joined(separator: "\n") + "\n")
  }
}

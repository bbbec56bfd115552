import WaymarkModel

extension ParsedGuardrailFile {
  /// The most findings one policy-results file may give: 100,000. Every finding is kept, mapped
  /// and listed on the guardrails pages, so a file over the limit (a generated or runaway log
  /// with a million results) is an error and none of its findings is used, rather than a
  /// portal that takes minutes and gigabytes to build or silently shows a part.
  public static let maximumFindings = 100_000

  /// This file, or, over `maximumFindings`, the same file without findings and with a
  /// `policy.too-many-results` error.
  package func limited(to maximum: Int = maximumFindings) -> ParsedGuardrailFile {
    guard findings.count > maximum else { return self }
    var limited = self
    limited.diagnostics.append(
      .error(
        .policyTooManyResults,
        "the file holds \(findings.count) results, over the limit of \(maximum) per file; none of them is used (split the log, or filter it to the results that matter)",
        at: SourceLocation(path: path, line: 1, column: 1)))
    limited.findings = []
    return limited
  }
}

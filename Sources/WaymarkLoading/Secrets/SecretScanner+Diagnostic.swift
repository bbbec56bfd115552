import WaymarkModel

extension SecretScanner {
  /// The entity annotation whose regular expression allows documented examples.
  public static let allowAnnotation = "waymark.dev/allow-secret-pattern"

  /// The error for one credential; `canAllow` says whether an annotation could allow it there.
  package static func diagnostic(
    for match: SecretScanner.Match, at location: SourceLocation, canAllow: Bool, notes: [DiagnosticNote] = []
  ) -> Diagnostic {
    let advice =
      canAllow
      ? "remove it (and revoke it), or allow a documented example with '\(allowAnnotation)'"
      : "remove it (and revoke it)"
    return .error(
      .secretsDetected,
      "this looks like \(match.rule.title) (\(match.redacted), rule '\(match.rule.rawValue)'); nothing is published: \(advice)",
      at: location, notes: notes)
  }
}

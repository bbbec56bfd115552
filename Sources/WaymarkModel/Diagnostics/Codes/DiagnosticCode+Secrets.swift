extension DiagnosticCode {
  /// The secret guard's codes.
  static let secretCodes: [DiagnosticCode] = [.secretsDetected, .secretsBadAllowPattern, .secretsInOutput]

  /// `secrets.detected`
  public static let secretsDetected = DiagnosticCode(
    "secrets.detected", .error, .secrets,
    "a credential in an input, at its exact location; its value is never printed whole",
    example: "catalog/app.yaml", "metadata:\n  annotations:\n    ci/token: ghp_0123456789abcdefghijklmnopqrstuvwxyz\n",
    prints: """
      catalog/app.yaml:3:15: error: this looks like a GitHub token ('ghp_…', 40 characters, rule 'github-token'); \
      nothing is published: remove it (and revoke it) [secrets.detected]
      """)

  /// `secrets.bad-allow-pattern`
  public static let secretsBadAllowPattern = DiagnosticCode(
    "secrets.bad-allow-pattern", .error, .secrets,
    "a `waymark.dev/allow-secret-pattern` that is not a valid regular expression",
    example: "catalog/app.yaml", "metadata:\n  annotations:\n    waymark.dev/allow-secret-pattern: \"(AKIA\"\n",
    prints: """
      catalog/app.yaml:3:39: error: 'waymark.dev/allow-secret-pattern' is not a valid regular expression: \
      expected ')' [secrets.bad-allow-pattern]
      """)
}

/// The codes of checked and loudly failing scorecard expressions.
extension DiagnosticCode {
  /// `policy.type-error`
  public static let policyTypeError = DiagnosticCode(
    "policy.type-error", .error, .scorecards,
    "an expression that can never evaluate: a mismatched comparison, a non-bool check",
    example: "policies/basics.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata: {name: basics}
    spec:
      appliesTo: "entity.kind == 'Component'"
      levels: [{name: bronze}]
      checks:
        - {id: named, level: bronze, expression: "entity.metadata.name == 3"}

    """,
    prints: """
      policies/basics.yaml:8:46: error: check 'named': '==' compares string with int; it can never hold \
      [policy.type-error]
      """)

  /// `policy.unknown-field`
  public static let policyUnknownField = DiagnosticCode(
    "policy.unknown-field", .warning, .scorecards,
    "a field no entity a scorecard applies to has, with a \"did you mean\"",
    example: "policies/basics.yaml",
    """
    checks:
      - {id: owned, level: bronze, expression: "has(entity.spec.ownr)"}

    """,
    prints: """
      policies/basics.yaml:2:46: warning: check 'owned': no entity it applies to has 'spec.ownr'; did you mean \
      'owner'? [policy.unknown-field]
      """)

  /// `scorecard.check-error`
  public static let scorecardCheckError = DiagnosticCode(
    "scorecard.check-error", .warning, .scorecards, "a check evaluates to an error on some entities",
    when: "error with `gate.failOnError` in `check`",
    example: "policies/basics.yaml",
    """
    checks:
      - {id: described, level: bronze, expression: "entity.metadata.description != ''"}

    """,
    prints: """
      policies/basics.yaml:2:50: warning: check 'described' errs on 2 entities ('component:default/bad', \
      'component:default/lib'): no such key: 'description' [scorecard.check-error]
      """)

  /// `scorecard.applies-to-everything`
  public static let scorecardAppliesToEverything = DiagnosticCode(
    "scorecard.applies-to-everything", .warning, .scorecards,
    "a scorecard without `appliesTo` scored Users, Groups or Locations",
    example: "policies/readiness.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata: {name: readiness}

    """,
    prints: """
      policies/readiness.yaml:1:1: warning: scorecard 'readiness' has no appliesTo and scored 1 Group; add appliesTo \
      (e.g. "entity.kind == 'Component'") to score only what it is meant for [scorecard.applies-to-everything]
      """)
}

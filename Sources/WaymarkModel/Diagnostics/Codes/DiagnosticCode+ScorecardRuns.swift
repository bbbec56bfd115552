extension DiagnosticCode {
  // The scorecards' other codes (`scorecardCodes`): waivers, evaluation budgets, tests, gates and baselines.

  /// `policy.unknown-scorecard`
  public static let policyUnknownScorecard = DiagnosticCode(
    "policy.unknown-scorecard", .error, .scorecards, "a waiver naming a scorecard that does not exist",
    example: "policies/waivers.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata:
      name: w
    spec:
      scorecard: redy
      check: owned
      entities: [component:default/svc]
      reason: Being fixed.
      expires: 2027-01-01
      approvedBy: user:default/ann

    """,
    prints: """
      policies/waivers.yaml:1:1: error: waiver 'w' names scorecard 'redy', which does not exist \
      [policy.unknown-scorecard]
      """)

  /// `policy.unknown-check`
  public static let policyUnknownCheck = DiagnosticCode(
    "policy.unknown-check", .error, .scorecards, "a waiver naming a check its scorecard does not have",
    example: "policies/waivers.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata:
      name: w
    spec:
      scorecard: ready
      check: paged
      entities: [component:default/svc]
      reason: Being fixed.
      expires: 2027-01-01
      approvedBy: user:default/ann

    """,
    prints: """
      policies/waivers.yaml:1:1: error: waiver 'w' names check 'paged', which scorecard 'ready' does not have \
      [policy.unknown-check]
      """)

  /// `policy.unauthorized-waiver`
  public static let policyUnauthorizedWaiver = DiagnosticCode(
    "policy.unauthorized-waiver", .error, .scorecards,
    "a waiver approved by someone outside the approver groups; it does not apply",
    example: "policies/waivers.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata:
      name: w
    spec:
      scorecard: ready
      check: owned
      entities: [component:default/svc]
      reason: Being fixed.
      expires: 2027-01-01
      approvedBy: user:default/outsider

    """,
    prints: """
      policies/waivers.yaml:1:1: error: waiver 'w' is approved by 'user:default/outsider', who is not a member of an \
      approver group of 'ready' (group:default/platform) [policy.unauthorized-waiver]
      """)

  /// `policy.expired-waiver`
  public static let policyExpiredWaiver = DiagnosticCode(
    "policy.expired-waiver", .warning, .scorecards, "a waiver past its `expires` day; it does not apply",
    example: "policies/waivers.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata:
      name: w
    spec:
      scorecard: ready
      check: owned
      entities: [component:default/svc]
      reason: Being fixed.
      expires: 2026-10-01
      approvedBy: user:default/ann

    """,
    prints: """
      policies/waivers.yaml:1:1: warning: waiver 'w' expired on 2026-10-01 and no longer applies \
      [policy.expired-waiver]
      """)

  /// `policy.unverified-approver`
  public static let policyUnverifiedApprover = DiagnosticCode(
    "policy.unverified-approver", .note, .scorecards,
    "a waiver whose external approver may belong to an external approver group, which cannot be checked offline",
    example: "policies/waivers.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Waiver
    metadata:
      name: w
    spec:
      scorecard: ready
      check: owned
      entities: [component:default/svc]
      reason: Being fixed.
      expires: 2027-01-01
      approvedBy: user:default/ann

    """,
    prints: """
      policies/waivers.yaml:1:1: note: waiver 'w' is approved by 'user:default/ann', provided outside the repository \
      like approver group group:github/security; membership is not known here, so the approval is accepted as \
      written [policy.unverified-approver]
      """)

  /// `policy.cel-limit`
  public static let policyCELLimit = DiagnosticCode(
    "policy.cel-limit", .warning, .scorecards,
    "a check that ran out of its evaluation budget (100,000 steps or iterations) on some entities",
    example: "policies/runaway.yaml",
    "spec:\n  checks:\n    - id: growing-lists\n      expr: \"[1,2,3].all(a, [1,2,3].all(b, … ))\"\n",
    prints: """
      policies/runaway.yaml:4:13: warning: check 'growing-lists' of scorecard 'runaway' stopped on 2 entities \
      (first 'component:default/svc'): evaluation cost limit exceeded (100000 steps); its result there is 'error' \
      [policy.cel-limit]
      """)

  /// `policy.bad-result`
  public static let policyBadResult = DiagnosticCode(
    "policy.bad-result", .error, .scorecards, "a `ScorecardTest` expectation with an unknown result",
    example: "policies/tests/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: ScorecardTest
    metadata:
      name: t
    spec:
      scorecard: ready
      entities: []
      expect:
        - entity: component:default/svc
          check: owned
          result: ok

    """,
    prints: """
      policies/tests/ready.yaml:11:15: error: result 'ok' must be one of pass, fail, waived, not-applicable, error \
      [policy.bad-result]
      """)

  /// `policy.bad-expectation`
  public static let policyBadExpectation = DiagnosticCode(
    "policy.bad-expectation", .error, .scorecards, "an expectation with neither `check` and `result` nor `level`",
    example: "policies/tests/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: ScorecardTest
    metadata:
      name: t
    spec:
      scorecard: ready
      entities: []
      expect:
        - entity: component:default/svc
          check: owned

    """,
    prints: """
      policies/tests/ready.yaml:9:7: error: an expectation needs either 'check' with 'result', or 'level' \
      [policy.bad-expectation]
      """)

  /// `policy.test-failed`
  public static let policyTestFailed = DiagnosticCode(
    "policy.test-failed", .error, .scorecards,
    "a `ScorecardTest` expectation that does not hold (`waymark test-policies`)",
    example: "policies/tests/ready.yaml",
    """
    kind: ScorecardTest
    metadata:
      name: t
    spec:
      expect:
        - level: bronze

    """,
    prints: """
      policies/tests/ready.yaml:6:7: error: test 't': expected 'component:default/svc' to reach level bronze, got \
      none [policy.test-failed]
      """)

  /// `scorecard.applies-to-failed`
  public static let scorecardAppliesToFailed = DiagnosticCode(
    "scorecard.applies-to-failed", .warning, .scorecards,
    "an `appliesTo` that errs or is not a bool on some entities, which stay unscored",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      appliesTo: "entity.spec.type == 'service'"
      checks: []

    """,
    prints: """
      policies/ready.yaml:8:15: warning: appliesTo of scorecard 'ready' failed on 2 entities (first \
      'user:default/ann'): no such key: 'type'; they are not scored [scorecard.applies-to-failed]
      """)

  /// `scorecard.gate`
  public static let scorecardGate = DiagnosticCode(
    "scorecard.gate", .error, .scorecards, "a broken gate (`noLevelDrop`, `minimumLevel`), reported by `waymark check`",
    example: "policies/ready.yaml",
    """
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      gate:
        noLevelDrop: true

    """,
    prints: """
      policies/ready.yaml:1:1: error: 'component:default/good' drops from silver to bronze in Ready [scorecard.gate]
      """)

  /// `baseline.missing`
  public static let baselineMissing = DiagnosticCode(
    "baseline.missing", .error, .scorecards, "a `--baseline` folder without `api/scorecards.json`",
    example: "main/api/scorecards.json", "(waymark check --baseline main, where main/api/ has no scorecards.json)\n",
    prints: "main/api/scorecards.json: error: the baseline folder has no api/scorecards.json [baseline.missing]")

  /// `baseline.invalid`
  public static let baselineInvalid = DiagnosticCode(
    "baseline.invalid", .error, .scorecards, "a baseline file that is not valid JSON, at its line and column",
    example: "main/api/scorecards.json", "{\"scorecards\": [\n",
    prints: """
      main/api/scorecards.json:2:1: error: the baseline is not valid JSON: unexpected end of input [baseline.invalid]
      """)
}

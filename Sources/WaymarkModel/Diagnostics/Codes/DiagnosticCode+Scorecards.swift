extension DiagnosticCode {
  /// The scorecards-as-code codes: policy files, CEL checks, waivers, tests, gates and baselines.
  static let scorecardCodes: [DiagnosticCode] = [
    .policyNotAMapping, .policyUnknownKey, .policyWrongType, .policyMissingField, .policyAPIVersion, .policyUnknownKind,
    .policyBadRef, .policyBadDate, .policyBadWeight, .policyBadCEL, .policyDuplicate, .policyDuplicateCheck,
    .policyDuplicateLevel, .policyMissingLevel, .policyUnknownLevel, .policyDanglingRef, .policyUnknownScorecard,
    .policyUnknownCheck, .policyUnauthorizedWaiver, .policyExpiredWaiver, .policyCELLimit, .policyBadResult,
    .policyBadExpectation, .policyTestFailed, .scorecardAppliesToFailed, .scorecardGate, .baselineMissing,
    .baselineInvalid,
  ]

  /// `policy.not-a-mapping`
  public static let policyNotAMapping = DiagnosticCode(
    "policy.not-a-mapping", .error, .scorecards, "a policy document that is not a mapping",
    example: "policies/ready.yaml", "- kind: Scorecard\n",
    prints: "policies/ready.yaml:1:1: error: a policy document must be a mapping [policy.not-a-mapping]")

  /// `policy.unknown-key`
  public static let policyUnknownKey = DiagnosticCode(
    "policy.unknown-key", .error, .scorecards, "a key the policy kind does not have",
    example: "policies/ready.yaml", "kind: Scorecard\nmetadata:\n  name: ready\nspec:\n  chekcs: []\n",
    prints: "policies/ready.yaml:5:3: error: unknown key 'spec.chekcs'; did you mean 'checks'? [policy.unknown-key]")

  /// `policy.wrong-type`
  public static let policyWrongType = DiagnosticCode(
    "policy.wrong-type", .error, .scorecards, "a value of the wrong type",
    example: "policies/ready.yaml", "kind: Scorecard\nmetadata:\n  name: ready\nspec:\n  levels: gold\n",
    prints: """
      policies/ready.yaml:5:11: error: spec.levels must be a list of strings, found a scalar [policy.wrong-type]
      """)

  /// `policy.missing-field`
  public static let policyMissingField = DiagnosticCode(
    "policy.missing-field", .error, .scorecards, "a required field is absent",
    example: "policies/ready.yaml", "kind: Scorecard\nmetadata:\n  title: Ready\n",
    prints: "policies/ready.yaml:3:3: error: metadata.name must have a value [policy.missing-field]")

  /// `policy.api-version`
  public static let policyAPIVersion = DiagnosticCode(
    "policy.api-version", .error, .scorecards, "an `apiVersion` other than `waymark.dev/v1alpha1`",
    example: "policies/ready.yaml", "apiVersion: waymark.dev/v1beta9\nkind: Scorecard\n",
    prints: """
      policies/ready.yaml:1:13: error: apiVersion 'waymark.dev/v1beta9' is not supported; use 'waymark.dev/v1alpha1' \
      [policy.api-version]
      """)

  /// `policy.unknown-kind`
  public static let policyUnknownKind = DiagnosticCode(
    "policy.unknown-kind", .error, .scorecards, "a kind other than `Scorecard`, `Waiver`, `ScorecardTest`",
    example: "policies/ready.yaml", "apiVersion: waymark.dev/v1alpha1\nkind: Rubric\n",
    prints: """
      policies/ready.yaml:2:7: error: unknown policy kind 'Rubric'; expected Scorecard, Waiver or ScorecardTest \
      [policy.unknown-kind]
      """)

  /// `policy.bad-ref`
  public static let policyBadRef = DiagnosticCode(
    "policy.bad-ref", .error, .scorecards, "a string that is not a valid entity reference",
    example: "policies/ready.yaml", "kind: Scorecard\nspec:\n  owner: \"group:\"\n",
    prints: "policies/ready.yaml:3:10: error: 'group:' is not a valid entity reference [policy.bad-ref]")

  /// `policy.bad-date`
  public static let policyBadDate = DiagnosticCode(
    "policy.bad-date", .error, .scorecards, "a waiver's `expires` that is not a date (`YYYY-MM-DD`)",
    example: "policies/waivers.yaml", "kind: Waiver\nspec:\n  expires: next week\n",
    prints: "policies/waivers.yaml:3:12: error: expires 'next week' is not a date (YYYY-MM-DD) [policy.bad-date]")

  /// `policy.bad-weight`
  public static let policyBadWeight = DiagnosticCode(
    "policy.bad-weight", .error, .scorecards, "a check with a negative `weight`",
    example: "policies/ready.yaml", "spec:\n  checks:\n    - id: owned\n      weight: -1\n      expr: \"true\"\n",
    prints: "policies/ready.yaml:3:7: error: spec.checks[0].weight must not be negative [policy.bad-weight]")

  /// `policy.bad-cel`
  public static let policyBadCEL = DiagnosticCode(
    "policy.bad-cel", .error, .scorecards,
    "a CEL syntax error, an unknown name or nesting over 128 levels, at the exact line and column",
    example: "policies/ready.yaml", "spec:\n  checks:\n    - id: owned\n      expr: \"entity.spec.owner !=\"\n",
    prints: """
      policies/ready.yaml:4:34: error: check 'owned': unexpected end of input; expected an expression [policy.bad-cel]
      """)

  /// `policy.duplicate`
  public static let policyDuplicate = DiagnosticCode(
    "policy.duplicate", .error, .scorecards, "a scorecard defined more than once",
    example: "policies/ready-copy.yaml", "kind: Scorecard\nmetadata:\n  name: ready\n",
    prints: "policies/ready-copy.yaml:1:1: error: scorecard 'ready' is defined more than once [policy.duplicate]")

  /// `policy.duplicate-check`
  public static let policyDuplicateCheck = DiagnosticCode(
    "policy.duplicate-check", .error, .scorecards, "two checks with the same id in one scorecard",
    example: "policies/ready.yaml",
    """
    spec:
      checks:
        - id: owned
          expr: "true"
        - id: owned
          expr: "false"

    """,
    prints: "policies/ready.yaml:6:13: error: check id 'owned' is used twice [policy.duplicate-check]")

  /// `policy.duplicate-level`
  public static let policyDuplicateLevel = DiagnosticCode(
    "policy.duplicate-level", .error, .scorecards, "a scorecard that repeats a level",
    example: "policies/ready.yaml", "kind: Scorecard\nmetadata:\n  name: ready\nspec:\n  levels: [bronze, bronze]\n",
    prints: "policies/ready.yaml:1:1: error: scorecard 'ready' repeats a level [policy.duplicate-level]")

  /// `policy.missing-level`
  public static let policyMissingLevel = DiagnosticCode(
    "policy.missing-level", .error, .scorecards, "a check without a level in a scorecard that has levels",
    example: "policies/ready.yaml",
    """
    spec:
      levels: [bronze, gold]
      checks:
        - id: owned
          expr: "true"

    """,
    prints: "policies/ready.yaml:5:13: error: check 'owned' needs a level (one of bronze, gold) [policy.missing-level]")

  /// `policy.unknown-level`
  public static let policyUnknownLevel = DiagnosticCode(
    "policy.unknown-level", .error, .scorecards, "a check or gate naming a level the scorecard does not define",
    example: "policies/ready.yaml",
    """
    spec:
      levels: [bronze]
      checks:
        - id: paged
          level: platinum
          expr: "true"

    """,
    prints: """
      policies/ready.yaml:6:13: error: check 'paged' has level 'platinum', which the scorecard does not define \
      [policy.unknown-level]
      """)

  /// `policy.dangling-ref`
  public static let policyDanglingRef = DiagnosticCode(
    "policy.dangling-ref", .error, .scorecards,
    "a scorecard owner, approver or waived entity that is not in the catalog",
    example: "policies/ready.yaml", "kind: Scorecard\nmetadata:\n  name: ready\nspec:\n  owner: group:default/nobody\n",
    prints: """
      policies/ready.yaml:1:1: error: scorecard 'ready' names 'group:default/nobody', which does not exist in the \
      catalog [policy.dangling-ref]
      """)

  /// `policy.unknown-scorecard`
  public static let policyUnknownScorecard = DiagnosticCode(
    "policy.unknown-scorecard", .error, .scorecards, "a waiver naming a scorecard that does not exist",
    example: "policies/waivers.yaml", "kind: Waiver\nmetadata:\n  name: w\nspec:\n  scorecard: redy\n",
    prints: """
      policies/waivers.yaml:1:1: error: waiver 'w' names scorecard 'redy', which does not exist \
      [policy.unknown-scorecard]
      """)

  /// `policy.unknown-check`
  public static let policyUnknownCheck = DiagnosticCode(
    "policy.unknown-check", .error, .scorecards, "a waiver naming a check its scorecard does not have",
    example: "policies/waivers.yaml", "kind: Waiver\nmetadata:\n  name: w\nspec:\n  scorecard: ready\n  check: paged\n",
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
    kind: Waiver
    metadata:
      name: w
    spec:
      approvedBy: user:default/outsider

    """,
    prints: """
      policies/waivers.yaml:1:1: error: waiver 'w' is approved by 'user:default/outsider', who is not a member of \
      an approver group of 'ready' (group:default/platform) [policy.unauthorized-waiver]
      """)

  /// `policy.expired-waiver`
  public static let policyExpiredWaiver = DiagnosticCode(
    "policy.expired-waiver", .warning, .scorecards, "a waiver past its `expires` day; it does not apply",
    example: "policies/waivers.yaml", "kind: Waiver\nmetadata:\n  name: w\nspec:\n  expires: 2026-11-01\n",
    prints: """
      policies/waivers.yaml:1:1: warning: waiver 'w' expired on 2026-11-01 and no longer applies \
      [policy.expired-waiver]
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
    kind: ScorecardTest
    spec:
      expect:
        - check: owned
          result: ok

    """,
    prints: """
      policies/tests/ready.yaml:5:15: error: result 'ok' must be one of pass, fail, waived, not-applicable, error \
      [policy.bad-result]
      """)

  /// `policy.bad-expectation`
  public static let policyBadExpectation = DiagnosticCode(
    "policy.bad-expectation", .error, .scorecards, "an expectation with neither `check` and `result` nor `level`",
    example: "policies/tests/ready.yaml", "kind: ScorecardTest\nspec:\n  expect:\n    - check: owned\n",
    prints: """
      policies/tests/ready.yaml:4:7: error: an expectation needs either 'check' with 'result', or 'level' \
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
    kind: Scorecard
    metadata:
      name: ready
    spec:
      appliesTo: "entity.spec.type == 'service'"

    """,
    prints: """
      policies/ready.yaml:5:15: warning: appliesTo of scorecard 'ready' failed on 2 entities (first \
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

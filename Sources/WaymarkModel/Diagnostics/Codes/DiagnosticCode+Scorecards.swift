extension DiagnosticCode {
  /// The scorecards-as-code codes: policy files, CEL checks, waivers, tests, gates and baselines.
  static let scorecardCodes: [DiagnosticCode] = [
    .policyNotAMapping, .policyUnknownKey, .policyWrongType, .policyMissingField, .policyAPIVersion, .policyUnknownKind,
    .policyBadRef, .policyBadDate, .policyBadWeight, .policyBadCEL, .policyDuplicate, .policyDuplicateCheck,
    .policyDuplicateLevel, .policyMissingLevel, .policyUnknownLevel, .policyDanglingRef, .policyUnknownScorecard,
    .policyUnknownCheck, .policyUnauthorizedWaiver, .policyExpiredWaiver, .policyUnverifiedApprover, .policyCELLimit,
    .policyBadResult, .policyBadExpectation, .policyTestFailed, .scorecardAppliesToFailed, .scorecardGate,
    .baselineMissing,
    .baselineInvalid, .policyTypeError, .policyUnknownField, .scorecardCheckError, .scorecardAppliesToEverything,
  ]

  /// `policy.not-a-mapping`
  public static let policyNotAMapping = DiagnosticCode(
    "policy.not-a-mapping", .error, .scorecards, "a policy document that is not a mapping",
    example: "policies/ready.yaml",
    """
    - kind: Scorecard

    """,
    prints: "policies/ready.yaml:1:1: error: a policy document must be a mapping [policy.not-a-mapping]")

  /// `policy.unknown-key`
  public static let policyUnknownKey = DiagnosticCode(
    "policy.unknown-key", .error, .scorecards, "a key the policy kind does not have",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      chekcs: []

    """,
    prints: "policies/ready.yaml:8:3: error: unknown key 'spec.chekcs'; did you mean 'checks'? [policy.unknown-key]")

  /// `policy.wrong-type`
  public static let policyWrongType = DiagnosticCode(
    "policy.wrong-type", .error, .scorecards, "a value of the wrong type",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      levels: gold
      checks: []

    """,
    prints: """
      policies/ready.yaml:8:11: error: spec.levels must be a list of strings, found a scalar [policy.wrong-type]
      """)

  /// `policy.missing-field`
  public static let policyMissingField = DiagnosticCode(
    "policy.missing-field", .error, .scorecards, "a required field is absent",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      title: Ready
    spec:
      checks: []

    """,
    prints: "policies/ready.yaml:4:3: error: metadata.name must have a value [policy.missing-field]")

  /// `policy.api-version`
  public static let policyAPIVersion = DiagnosticCode(
    "policy.api-version", .error, .scorecards, "an `apiVersion` other than `waymark.dev/v1alpha1`",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1beta9
    kind: Scorecard
    metadata:
      name: ready

    """,
    prints: """
      policies/ready.yaml:1:13: error: apiVersion 'waymark.dev/v1beta9' is not supported; use 'waymark.dev/v1alpha1' \
      [policy.api-version]
      """)

  /// `policy.unknown-kind`
  public static let policyUnknownKind = DiagnosticCode(
    "policy.unknown-kind", .error, .scorecards, "a kind other than `Scorecard`, `Waiver`, `ScorecardTest`",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Rubric
    metadata:
      name: ready
    spec:
      checks: []

    """,
    prints: """
      policies/ready.yaml:2:7: error: unknown policy kind 'Rubric'; expected Scorecard, Waiver or ScorecardTest \
      [policy.unknown-kind]
      """)

  /// `policy.bad-ref`
  public static let policyBadRef = DiagnosticCode(
    "policy.bad-ref", .error, .scorecards, "a string that is not a valid entity reference",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      waivers:
        approvers: ["group:default/"]
      checks: []

    """,
    prints: "policies/ready.yaml:9:17: error: 'group:default/' is not a valid entity reference [policy.bad-ref]")

  /// `policy.bad-date`
  public static let policyBadDate = DiagnosticCode(
    "policy.bad-date", .error, .scorecards, "a waiver's `expires` that is not a date (`YYYY-MM-DD`)",
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
      expires: next week
      approvedBy: user:default/ann

    """,
    prints: "policies/waivers.yaml:10:12: error: expires 'next week' is not a date (YYYY-MM-DD) [policy.bad-date]")

  /// `policy.bad-weight`
  public static let policyBadWeight = DiagnosticCode(
    "policy.bad-weight", .error, .scorecards, "a check with a negative `weight`",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      checks:
        - id: owned
          title: Owned
          weight: -1
          expr: "true"

    """,
    prints: "policies/ready.yaml:9:7: error: spec.checks[0].weight must not be negative [policy.bad-weight]")

  /// `policy.bad-cel`
  public static let policyBadCEL = DiagnosticCode(
    "policy.bad-cel", .error, .scorecards,
    "a CEL syntax error, an unknown name or nesting over 128 levels, at the exact line and column",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      checks:
        - id: owned
          title: Owned
          expr: "entity.spec.owner !="

    """,
    prints: """
      policies/ready.yaml:11:34: error: check 'owned': unexpected end of input; expected an expression \
      [policy.bad-cel]
      """)

  /// `policy.duplicate`
  public static let policyDuplicate = DiagnosticCode(
    "policy.duplicate", .error, .scorecards, "a scorecard defined more than once",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      checks: []

    """,
    prints: "policies/ready.yaml:1:1: error: scorecard 'ready' is defined more than once [policy.duplicate]")

  /// `policy.duplicate-check`
  public static let policyDuplicateCheck = DiagnosticCode(
    "policy.duplicate-check", .error, .scorecards, "two checks with the same id in one scorecard",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      checks:
        - id: owned
          title: Owned
          expr: "true"
        - id: owned
          title: Owned again
          expr: "false"

    """,
    prints: "policies/ready.yaml:14:14: error: check id 'owned' is used twice [policy.duplicate-check]")

  /// `policy.duplicate-level`
  public static let policyDuplicateLevel = DiagnosticCode(
    "policy.duplicate-level", .error, .scorecards, "a scorecard that repeats a level",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      levels: [bronze, bronze]
      checks: []

    """,
    prints: "policies/ready.yaml:1:1: error: scorecard 'ready' repeats a level [policy.duplicate-level]")

  /// `policy.missing-level`
  public static let policyMissingLevel = DiagnosticCode(
    "policy.missing-level", .error, .scorecards, "a check without a level in a scorecard that has levels",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      levels: [bronze, gold]
      checks:
        - id: owned
          title: Owned
          expr: "true"

    """,
    prints: """
      policies/ready.yaml:12:14: error: check 'owned' needs a level (one of bronze, gold) [policy.missing-level]
      """)

  /// `policy.unknown-level`
  public static let policyUnknownLevel = DiagnosticCode(
    "policy.unknown-level", .error, .scorecards, "a check or gate naming a level the scorecard does not define",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/platform
      levels: [bronze]
      checks:
        - id: paged
          title: Paged
          level: platinum
          expr: "true"

    """,
    prints: """
      policies/ready.yaml:13:14: error: check 'paged' has level 'platinum', which the scorecard does not define \
      [policy.unknown-level]
      """)

  /// `policy.dangling-ref`
  public static let policyDanglingRef = DiagnosticCode(
    "policy.dangling-ref", .error, .scorecards,
    "a scorecard owner, approver group, waiver approver or waived entity that is not in the catalog and that no "
      + "`catalog.external` pattern names",
    when: "warning with `catalog.danglingRefs: warning`, except a waiver's `approvedBy`",
    example: "policies/ready.yaml",
    """
    apiVersion: waymark.dev/v1alpha1
    kind: Scorecard
    metadata:
      name: ready
      title: Ready
    spec:
      owner: group:default/nobody
      checks: []

    """,
    prints: """
      policies/ready.yaml:1:1: error: scorecard 'ready' names 'group:default/nobody', which does not exist in the \
      catalog [policy.dangling-ref]
      """)
}

extension DiagnosticCode {
  /// The guardrail results' codes: SARIF, PolicyReport, checkov, conftest and OPA files and their mapping.
  static let guardrailCodes: [DiagnosticCode] = [
    .policyUnknownFormat, .policyBadJSON, .policySARIFVersion, .policySARIFShape, .policySARIFRuleMismatch,
    .policySARIFAbsent, .policyReportShape, .policyNotAReport, .policyCheckovShape, .policyOPAConvention,
    .policyOPAError, .policyTooManyResults, .policyUnknownEntity, .policyUnmapped, .policyAmbiguousRepository,
  ]

  /// `policy.unknown-format`
  public static let policyUnknownFormat = DiagnosticCode(
    "policy.unknown-format", .error, .guardrails,
    "a file in no recognised format (an empty file, XML, CLI text, TAP, tables)",
    example: "policy-results/scan.txt",
    """
    PASSED: 12, FAILED: 1

    """,
    prints: """
      policy-results/scan.txt:1:1: error: not a policy results file: expected SARIF, checkov, conftest or opa eval \
      JSON, or PolicyReport YAML [policy.unknown-format]
      """)

  /// `policy.bad-json`
  public static let policyBadJSON = DiagnosticCode(
    "policy.bad-json", .error, .guardrails, "truncated or malformed JSON, at the offending line and column",
    example: "policy-results/scan.sarif",
    """
    {"version": "2.1.0", "runs": [

    """,
    prints: """
      policy-results/scan.sarif:2:1: error: policy results file is not valid JSON: unexpected end of input; expected \
      a value [policy.bad-json]
      """)

  /// `policy.sarif-version`
  public static let policySARIFVersion = DiagnosticCode(
    "policy.sarif-version", .error, .guardrails, "a SARIF log that is not 2.1.0",
    example: "policy-results/old.sarif",
    """
    {
      "version": "2.0.0",
      "runs": []
    }

    """,
    prints: """
      policy-results/old.sarif:2:14: error: SARIF log has '2.0.0'; only version '2.1.0' is supported \
      [policy.sarif-version]
      """)

  /// `policy.sarif-shape`
  public static let policySARIFShape = DiagnosticCode(
    "policy.sarif-shape", .error, .guardrails, "a SARIF log without `runs` or `tool.driver.name`",
    example: "policy-results/scan.sarif",
    """
    {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}

    """,
    prints: "policy-results/scan.sarif:1:31: error: SARIF run has no 'tool.driver.name' [policy.sarif-shape]")

  /// `policy.sarif-rule-mismatch`
  public static let policySARIFRuleMismatch = DiagnosticCode(
    "policy.sarif-rule-mismatch", .warning, .guardrails, "a result whose `ruleId` and indexed rule disagree",
    example: "policy-results/scan.sarif",
    """
    "results": [{"ruleId": "B101", "ruleIndex": 0, …}]  (rule 0 is B102)

    """,
    prints: """
      policy-results/scan.sarif:9:20: warning: ruleId 'B101' disagrees with ruleIndex 0 (rule 'B102'); showing \
      'B101' with that rule's metadata [policy.sarif-rule-mismatch]
      """)

  /// `policy.sarif-absent`
  public static let policySARIFAbsent = DiagnosticCode(
    "policy.sarif-absent", .note, .guardrails, "a `baselineState: absent` result, fixed and not counted",
    example: "policy-results/scan.sarif", "\"results\": [{\"ruleId\": \"B101\", \"baselineState\": \"absent\", …}]\n",
    prints: """
      policy-results/scan.sarif:1:1: note: 1 result(s) with baselineState 'absent' (fixed since the baseline) \
      were not counted [policy.sarif-absent]
      """)

  /// `policy.report-shape`
  public static let policyReportShape = DiagnosticCode(
    "policy.report-shape", .warning, .guardrails,
    "a PolicyReport result of the wrong shape (no `policy`, …); it is skipped",
    example: "policy-results/reports.yaml",
    """
    apiVersion: wgpolicyk8s.io/v1alpha2
    kind: PolicyReport
    metadata:
      name: r
    results:
      - policy: require-labels
        result: maybe

    """,
    prints: """
      policy-results/reports.yaml:6:5: warning: report result 'maybe' is not pass, fail, warn, error or skip; it is \
      skipped [policy.report-shape]
      """)

  /// `policy.not-a-report`
  public static let policyNotAReport = DiagnosticCode(
    "policy.not-a-report", .warning, .guardrails, "a non-report document beside reports",
    example: "policy-results/reports.yaml",
    """
    apiVersion: wgpolicyk8s.io/v1alpha2
    kind: PolicyReport
    metadata:
      name: r
    results: []
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c

    """,
    prints: """
      policy-results/reports.yaml:7:1: warning: document is not a PolicyReport, ClusterPolicyReport or Report; it is \
      ignored [policy.not-a-report]
      """)

  /// `policy.checkov-shape`
  public static let policyCheckovShape = DiagnosticCode(
    "policy.checkov-shape", .warning, .guardrails,
    "a checkov check of the wrong shape (no `check_id`, …); it is skipped",
    example: "policy-results/checkov.json",
    """
    {"check_type": "terraform", "results": {"failed_checks": [{"check_name": "S3 logging"}]}}

    """,
    prints: """
      policy-results/checkov.json:1:59: warning: checkov check has no 'check_id'; it is skipped [policy.checkov-shape]
      """)

  /// `policy.opa-convention`
  public static let policyOPAConvention = DiagnosticCode(
    "policy.opa-convention", .warning, .guardrails,
    "an `opa eval` value that follows no known convention; it is ignored",
    example: "policy-results/opa.json", "{\"result\": [{\"expressions\": [{\"value\": {\"allow\": 3}, …}]}]}\n",
    prints: """
      policy-results/opa.json:1:47: warning: value of 'allow' is not a deny/warn set or a package; it is ignored \
      [policy.opa-convention]
      """)

  /// `policy.opa-error`
  public static let policyOPAError = DiagnosticCode(
    "policy.opa-error", .error, .guardrails, "OPA's own `errors` in an `opa eval` result",
    example: "policy-results/opa.json",
    """
    {"errors": [
      {"message": "var x is unsafe", "code": "rego_unsafe_var_error"}
    ]}

    """,
    prints: """
      policy-results/opa.json:2:3: error: opa eval reported an error: var x is unsafe (rego_unsafe_var_error) \
      [policy.opa-error]
      """)

  /// `policy.too-many-results`
  public static let policyTooManyResults = DiagnosticCode(
    "policy.too-many-results", .error, .guardrails, "a file with more than 100,000 results; none is used",
    example: "policy-results/million.sarif", "(a SARIF log with 1,000,000 results)\n",
    prints: """
      policy-results/million.sarif:1:1: error: the file holds 1000000 results, over the limit of 100000 per file; \
      none of them is used (split the log, or filter it to the results that matter) [policy.too-many-results]
      """)

  /// `policy.unknown-entity`
  public static let policyUnknownEntity = DiagnosticCode(
    "policy.unknown-entity", .warning, .guardrails,
    "an explicit entity reference to an entity that does not exist",
    example: "policy-results/a.sarif", "\"properties\": {\"waymark.dev/entity\": \"component:nope\"}\n",
    prints: """
      policy-results/a.sarif:6:1: warning: result names entity 'component:nope', which is not in the catalog; \
      trying the other mappings [policy.unknown-entity]
      """)

  /// `policy.unmapped`
  public static let policyUnmapped = DiagnosticCode(
    "policy.unmapped", .warning, .guardrails, "results of a file that map to no entity (once per file)",
    example: "policy-results/a.sarif", "(a SARIF log whose result for tmp/x.py lies in no entity's folder)\n",
    prints: """
      policy-results/a.sarif:1:1: warning: 1 of 5 result(s) map to no catalog entity; they are listed in \
      api/policy-results-unmapped.json [policy.unmapped]
      """)
}

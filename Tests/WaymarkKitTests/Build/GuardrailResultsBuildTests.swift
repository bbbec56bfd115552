import Foundation
import StructuredData
import Testing
import WaymarkCatalog
import WaymarkGuardrails
import WaymarkKit
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Policy results through the whole build: every format into `api/policy-results.json`, the
/// entity page section, and bad input located while the rest of the build goes on.
@Suite struct PolicyResultsBuildTests {
  static let asOf = Timestamp(iso8601: "2026-11-01T00:00:00Z")

  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: team-a}
    spec: {type: team, children: []}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments-api
      annotations:
        backstage.io/source-location: dir:../infra/payments-api/
    spec: {type: service, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: checkout-web
      annotations:
        backstage.io/kubernetes-id: checkout-web
    spec: {type: website, lifecycle: production, owner: team-a}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata: {name: quiet-service}
    spec: {type: service, lifecycle: production, owner: team-a}

    """

  static let checkovJSON = """
    {"check_type": "terraform", "summary": {"passed": 1, "failed": 1, "skipped": 1},
     "results": {
      "passed_checks": [{"check_id": "CKV_AWS_16", "check_name": "Ensure RDS is encrypted", "repo_file_path": "/content/infra/payments-api/main.tf", "file_line_range": [40, 52], "severity": null, "guideline": null}],
      "failed_checks": [{"check_id": "CKV_AWS_24", "check_name": "No SSH from 0.0.0.0/0", "repo_file_path": "/content/infra/payments-api/main.tf", "file_line_range": [10, 20], "severity": null, "guideline": "https://docs.example/CKV_AWS_24"}],
      "skipped_checks": [{"check_id": "CKV_AWS_161", "check_name": "IAM auth", "check_result": {"result": "SKIPPED", "suppress_comment": " handled by the proxy"}, "repo_file_path": "/content/infra/payments-api/main.tf", "file_line_range": [40, 52], "severity": null}]
     }}
    """

  static let checkovSARIF = """
    {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Checkov", "rules": [
      {"id": "CKV_AWS_24", "name": "No SSH from 0.0.0.0/0", "defaultConfiguration": {"level": "error"}},
      {"id": "CKV_AWS_161", "name": "IAM auth", "defaultConfiguration": {"level": "error"}}]}},
     "results": [
      {"ruleId": "CKV_AWS_24", "ruleIndex": 0, "level": "error", "message": {"text": "No SSH from 0.0.0.0/0"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "content/infra/payments-api/main.tf"}, "region": {"startLine": 10}}}]},
      {"ruleId": "CKV_AWS_161", "ruleIndex": 1, "level": "warning", "message": {"text": "IAM auth"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "content/infra/payments-api/main.tf"}, "region": {"startLine": 40}}}],
       "suppressions": [{"kind": "inSource", "justification": " handled by the proxy"}]},
      {"ruleId": "CKV_AWS_24", "ruleIndex": 0, "message": {"text": "No SSH from <b>0.0.0.0/0</b>"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "elsewhere/main.tf"}, "region": {"startLine": 3}}}]}
     ]}]}
    """

  static let kyverno = """
    Applying 2 policy rule(s) to 1 resource(s)...
    ----------------------------------------------------------------------
    POLICY REPORT:
    ----------------------------------------------------------------------
    apiVersion: wgpolicyk8s.io/v1alpha2
    kind: PolicyReport
    metadata:
      name: cpol-disallow-latest-tag
      namespace: acme-prod
    results:
    - policy: disallow-latest-tag
      rule: validate-image-tag
      result: fail
      severity: medium
      source: kyverno
      message: "validation error: Using a mutable image tag e.g. 'latest' is not allowed."
      resources:
      - {apiVersion: apps/v1, kind: Deployment, name: checkout-web, namespace: acme-prod}
    - policy: require-requests-limits
      rule: validate-resources
      result: pass
      source: kyverno
      resources:
      - {apiVersion: apps/v1, kind: Deployment, name: checkout-web, namespace: acme-prod}
    summary: {pass: 1, fail: 1, warn: 0, error: 0, skip: 0}

    """

  static let opa = """
    {"result": [{"expressions": [{"value": [
      {"entity": "component:default/checkout-web", "id": "CAT-002", "msg": "production component has no pagerduty.com/service-id", "severity": "medium"}
    ], "text": "data.portal.catalog.ownership.deny", "location": {"row": 1, "col": 1}}]}]}
    """

  static let conftest = """
    [{"filename": "content/infra/payments-api/k8s.yaml", "namespace": "main", "successes": 3,
      "warnings": [{"msg": "Deployment payments-api has no PodDisruptionBudget", "metadata": {"query": "data.main.warn"}}]}]
    """

  func site(_ extra: [String: String] = [:]) throws -> URL {
    var files = [
      "content/catalog/shop.yaml": Self.catalog,
      "content/policy-results/checkov/results_json.json": Self.checkovJSON,
      "content/policy-results/checkov/results_sarif.sarif": Self.checkovSARIF,
      "content/policy-results/kyverno.txt": Self.kyverno,
      "content/policy-results/opa.json": Self.opa,
      "content/policy-results/conftest.json": Self.conftest,
    ]
    files.merge(extra) { $1 }
    return try SiteFixture.make(files)
  }

  func build(_ root: URL, write: Bool = false) async throws -> BuildResult {
    try await SiteBuilder().build(
      BuildOptions(root: root, output: root.appendingPathComponent("output"), asOf: Self.asOf, writesOutput: write))
  }

  func file(_ result: BuildResult, _ path: String) throws -> String {
    let file = try #require(result.files.first { $0.path == path }, "missing \(path)")
    return String(decoding: file.bytes, as: UTF8.self)
  }

  @Test func everyFormatLandsOnItsEntityInTheJSONAPI() async throws {
    let result = try await build(try site(), write: true)
    #expect(!result.diagnostics.hasErrors)
    #expect(
      DiagnosticFormat.text.format(result.diagnostics)
        == "content/policy-results/checkov/results_sarif.sarif:1:1: warning: 1 of 1 result(s) map to no catalog entity; they are listed in api/policy-results-unmapped.json [policy.unmapped]\n"
    )
    assertGolden(try file(result, "api/policy-results.json"), named: "policy-results.json")
    assertGolden(try file(result, "api/policy-results-unmapped.json"), named: "policy-results-unmapped.json")
    assertGolden(
      try file(result, "catalog/default/component/payments-api/index.html"), named: "policy-entity-page.html")
    let quiet = try file(result, "catalog/default/component/quiet-service/index.html")
    #expect(quiet.contains("its guardrail status is <strong>unknown</strong>"))
    let overview = try file(result, "guardrails/index.html")
    #expect(overview.contains("No SSH from &lt;b&gt;0.0.0.0/0&lt;/b&gt;"))
    #expect(!overview.contains("<b>0.0.0.0/0</b>"))
  }

  /// A SARIF log of `count` failing results of rule `rule` at lines 1… of `uri`.
  static func sarif(rule: String, uri: String, count: Int) -> String {
    let results = (1...count).map {
      #"{"ruleId": "\#(rule)", "level": "error", "message": {"text": "finding \#($0)"}, "#
        + #""locations": [{"physicalLocation": {"artifactLocation": {"uri": "\#(uri)"}, "region": {"startLine": \#($0)}}}]}"#
    }
    return #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Scanner"}}, "results": ["#
      + results.joined(separator: ",\n") + "]}]}"
  }

  @Test func theGuardrailsPageListsAtMostAHundredUnmappedAndTwentyOpenFindingsPerEntity() async throws {
    let result = try await build(
      try site([
        "content/policy-results/many-unmapped.sarif": Self.sarif(rule: "R1", uri: "nowhere/main.tf", count: 105),
        "content/policy-results/many-mapped.sarif": Self.sarif(
          rule: "R2", uri: "content/infra/payments-api/main.tf", count: 23),
      ]))
    // policy-results.json keeps its unmapped list (a contract) and points at the file of their own.
    let summary = try JSONReader().parse(try file(result, "api/policy-results.json"))
    #expect(summary["unmapped"]?.arrayValue?.count == 106)
    #expect(summary["unmappedCount"] == 106)
    #expect(summary["unmappedOpen"] == 106)
    #expect(summary["unmappedFile"] == "api/policy-results-unmapped.json")
    let listed = try JSONReader().parse(try file(result, "api/policy-results-unmapped.json"))
    #expect(listed["unmapped"]?.arrayValue?.count == 106)
    let overview = try file(result, "guardrails/index.html")
    #expect(overview.contains("Unmapped results (106)"))
    #expect(overview.contains("<p class=\"muted\">The first 100 of 106 open results:</p>"))
    let unmapped = try #require(overview.range(of: "id=\"unmapped-heading\""))
    let inputs = try #require(overview.range(of: "id=\"inputs-heading\""))
    #expect(overview[unmapped.upperBound..<inputs.lowerBound].components(separatedBy: "<li>").count - 1 == 100)
    let section = try #require(overview.range(of: "<section aria-label=\"Open findings of payments-api\">"))
    let end = try #require(overview.range(of: "</section>", range: section.upperBound..<overview.endIndex))
    let payments = overview[section.upperBound..<end.lowerBound]
    #expect(payments.components(separatedBy: "<li>").count - 1 == 20)
    #expect(
      payments.contains(
        "<p class=\"muted\">And 5 more on <a href=\"../catalog/default/component/payments-api/\">its page</a>.</p>"))
    #expect(!overview.contains("And 0 more"))
    // The entity page itself lists every one.
    #expect(try file(result, "catalog/default/component/payments-api/index.html").contains("finding 23"))
  }

  @Test func theFactIsThePerEntityRollUpAndUnknownIsNull() async throws {
    let root = try site()
    let loaded = await CatalogLoader(root: root).load(paths: ["content/catalog/shop.yaml"])
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let paths = [
      "checkov/results_json.json", "checkov/results_sarif.sarif", "kyverno.txt", "opa.json", "conftest.json",
    ]
    let files = await GuardrailResultLoader(root: root).load(paths: paths.map { "content/policy-results/" + $0 })
    let (results, _) = GuardrailMapper(catalog: catalog).map(files.parsed)
    let payments = results.fact(for: EntityRef(kind: "Component", name: "payments-api"))
    // checkov's JSON and SARIF of one run count once: 1 pass, 1 fail, 1 skip; conftest adds 3 passes and a warning.
    #expect(payments["results"] == ["pass": 4, "fail": 1, "warn": 1, "error": 0, "skip": 1])
    #expect(payments["bySeverity"] == ["critical": 0, "high": 1, "medium": 1, "low": 0, "info": 0])
    #expect(payments["rules"]?["CKV_AWS_24"] == ["result": "fail", "severity": "high", "count": 1])
    #expect(payments["rules"]?["CKV_AWS_16"]?["result"] == "pass")
    let checkout = results.fact(for: EntityRef(kind: "Component", name: "checkout-web"))
    #expect(checkout["rules"]?["disallow-latest-tag/validate-image-tag"]?["result"] == "fail")
    #expect(checkout["rules"]?["CAT-002"]?["severity"] == "medium")
    #expect(results.fact(for: EntityRef(kind: "Component", name: "quiet-service")) == .null)
  }

  @Test func scorecardChecksReadThePolicyFactAndNoResultIsNeverAPass() async throws {
    let scorecard = """
      apiVersion: waymark.dev/v1alpha1
      kind: Scorecard
      metadata: {name: guardrails, title: Guardrails}
      spec:
        owner: team-a
        appliesTo: "entity.kind == 'Component'"
        levels: [bronze]
        checks:
          - {id: no-high, level: bronze, expr: "policy.bySeverity.high == 0"}
          - {id: rds-encrypted, level: bronze, expr: "policy.rules['CKV_AWS_16'].result == 'pass'"}

      """
    let result = try await build(try site(["policies/guardrails.yaml": scorecard]))
    let scores = try #require(result.scorecards.reports.first).results
    let table = Dictionary(
      uniqueKeysWithValues: scores.map { score in
        (
          score.entity.name,
          score.checks.map { "\($0.id)=\($0.outcome.rawValue)" + ($0.message.map { " (\($0))" } ?? "") }
        )
      })
    #expect(
      table == [
        // One high finding (CKV_AWS_24); the RDS check passed.
        "payments-api": ["no-high=fail", "rds-encrypted=pass"],
        // Only medium findings; checkov never looked at it, so that rule is missing: an error.
        "checkout-web": ["no-high=pass", "rds-encrypted=error (no such key: 'CKV_AWS_16')"],
        // No result at all: the fact is null, unknown, and neither check passes.
        "quiet-service": [
          "no-high=error (type 'null_type' does not support field selection)",
          "rds-encrypted=error (type 'null_type' does not support field selection)",
        ],
      ])
  }

  @Test func badInputIsLocatedAndTheRestOfTheBuildGoesOn() async throws {
    let root = try site([
      "content/policy-results/bad/old.sarif": "{\n  \"version\": \"2.0.0\",\n  \"runs\": []\n}\n",
      "content/policy-results/bad/truncated.sarif":
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},\n  \"results\": [{\"ruleId\": \"A\"",
      "content/policy-results/bad/unknown.json": "{\"findings\": []}",
      "content/policy-results/bad/junit.xml": "<?xml version=\"1.0\"?><testsuites>",
      "content/policy-results/bad/empty.json": "  \n",
      "content/policy-results/bad/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n",
      "content/policy-results/bad/norunsname.sarif":
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}}]}",
    ])
    let result = try await build(root, write: true)
    #expect(!result.published)
    assertGolden(DiagnosticFormat.text.format(result.diagnostics), named: "policy-bad-input.txt")
    // The good files were still read and mapped.
    let api = try file(result, "api/policy-results.json")
    #expect(api.contains("\"component:default/payments-api\""))
    #expect(api.contains("content/policy-results/opa.json"))
  }
}

import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// Format details that the conformance samples do not pin down, on small inline files.
@Suite struct PolicyFormatTests {
  func parse(_ text: String, path: String = "content/policy-results/r") -> ParsedGuardrailFile {
    GuardrailResultLoader.parse(SourceFile(path: path, bytes: Array(text.utf8)))
  }

  func text(_ parsed: ParsedGuardrailFile) -> String {
    DiagnosticFormat.text.format(DiagnosticList(parsed.diagnostics))
  }

  @Test func opaErrorsAreLocatedErrors() {
    let parsed = parse(
      """
      {
        "errors": [
          {"message": "var x is unsafe", "code": "rego_unsafe_var_error", "location": {"file": "p.rego", "row": 3, "col": 1}}
        ]
      }
      """)
    #expect(parsed.format == "opa")
    #expect(
      text(parsed)
        == "content/policy-results/r:3:5: error: opa eval reported an error: var x is unsafe (rego_unsafe_var_error) [policy.opa-error]\n"
    )
  }

  @Test func opaNonConventionValuesWarnAndAreIgnored() {
    let parsed = parse(
      #"{"result": [{"expressions": [{"value": true, "text": "data.p.allow", "location": {"row": 1, "col": 1}}]}]}"#)
    #expect(parsed.findings.isEmpty)
    #expect(parsed.diagnostics.map(\.code) == [.policyOPAConvention])
  }

  @Test func conftestLocAndMetadataAreRead() throws {
    let parsed = parse(
      """
      [{"filename": "-", "namespace": "main", "successes": 0,
        "failures": [{"msg": "no owner", "loc": {"file": "deploy/app.yaml", "line": "12"},
                      "metadata": {"id": "OWN-1", "severity": "critical", "entity": "component:default/app", "query": "data.main.deny"}}],
        "exceptions": [{"msg": "data.main.exception[_][_] == \\"run_as_root\\"", "metadata": {"query": "data.main.exception"}}]}]
      """)
    #expect(parsed.format == "conftest")
    let failure = try #require(parsed.findings.first)
    #expect(failure.ruleId == "OWN-1")
    #expect(failure.severity == .critical)
    #expect(failure.file == "deploy/app.yaml")
    #expect(failure.line == 12)
    #expect(failure.entityRef == "component:default/app")
    #expect(parsed.findings.last?.ruleId == "main/allow")
    #expect(parsed.findings.last?.suppressed == true)
    #expect(parsed.findings.last?.result == .skip)
  }

  @Test func policyReportsInAListWithV1alpha1StatusAndAStrayDocument() {
    let parsed = parse(
      """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: wgpolicyk8s.io/v1alpha1
        kind: ClusterPolicyReport
        metadata: {name: r1, labels: {policy.kubernetes.io/engine: kube-bench}}
        results:
        - policy: cis-1.2.3
          status: fail
          resources: [{kind: Node, name: node-1}, {kind: Node, name: node-2}]
        - policy: cis-1.2.4
          status: maybe
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: not-a-report}
      ---
      apiVersion: openreports.io/v1alpha1
      kind: Report
      metadata: {name: r2, namespace: shop, annotations: {waymark.dev/entity: component:shop/cart}}
      scope: {apiVersion: apps/v1, kind: Deployment, name: cart}
      results:
      - {policy: require-labels, rule: check-team, result: pass, source: kyverno}
      """, path: "reports.yaml")
    #expect(parsed.format == "policyreport")
    #expect(parsed.tools == ["kube-bench", "kyverno"])
    #expect(parsed.findings.map(\.result) == [.fail, .fail, .pass])
    #expect(parsed.findings.map { $0.kubernetes.map(\.name) } == [["node-1"], ["node-2"], ["cart"]])
    #expect(parsed.findings[2].kubernetes.first?.namespace == "shop")
    #expect(parsed.findings[2].entityRef == "component:shop/cart")
    #expect(parsed.findings[2].ruleId == "require-labels/check-team")
    #expect(
      text(parsed) == """
        reports.yaml:11:5: warning: report result 'maybe' is not pass, fail, warn, error or skip; it is skipped [policy.report-shape]
        reports.yaml:13:3: warning: document is not a PolicyReport, ClusterPolicyReport or Report; it is ignored [policy.not-a-report]

        """)
  }

  @Test func aReportResultOfErrorIsAnErrorOfMediumSeverity() {
    let parsed = parse(
      """
      apiVersion: wgpolicyk8s.io/v1beta1
      kind: PolicyReport
      metadata: {name: r, namespace: shop}
      results:
      - {policy: check-image, rule: verify, result: error, message: "registry unreachable", resources: [{kind: Pod, name: cart-1}]}
      - {policy: check-image, rule: verify-sig, result: error, severity: low}
      summary: {error: 2}
      """, path: "errors.yaml")
    #expect(text(parsed) == "")
    #expect(parsed.findings.map(\.result) == [.error, .error])
    #expect(parsed.findings.map(\.severity) == [.medium, .low])
    #expect(parsed.findings.map(\.ruleId) == ["check-image/verify", "check-image/verify-sig"])
    #expect(parsed.findings[0].message == "registry unreachable")
  }

  @Test func checkovKubernetesResourceIdsGiveTheObject() throws {
    let parsed = parse(
      #"{"check_type": "kubernetes", "results": {"failed_checks": [{"check_id": "CKV_K8S_20", "check_name": "No privilege escalation", "repo_file_path": "/k8s/./d.yaml", "file_line_range": [1, 30], "resource": "Deployment.acme-prod.payments.api", "severity": "HIGH"}]}}"#
    )
    let finding = try #require(parsed.findings.first)
    #expect(finding.kubernetes == [KubernetesObject(kind: "Deployment", namespace: "acme-prod", name: "payments.api")])
    #expect(finding.file == "k8s/d.yaml")
    #expect(finding.severity == .high)
    #expect(finding.input == SourceLocation(path: "content/policy-results/r", line: 1, column: 60))
  }

  @Test func checkovPodTemplateIdsGiveTheirKubernetesIdLabel() {
    // checkov names a Deployment's pod template by its labels, as in the conformance samples.
    let parsed = parse(
      #"""
      {"check_type": "kubernetes", "results": {"failed_checks": [
        {"check_id": "CKV_K8S_20", "check_name": "n", "repo_file_path": "/k8s/d.yaml", "file_line_range": [1, 9],
         "resource": "Pod.payments.payments-api.app.kubernetes.io/name-payments-api.backstage.io/kubernetes-id-payments-api"},
        {"check_id": "CKV_K8S_21", "check_name": "n", "repo_file_path": "/k8s/d.yaml", "file_line_range": [1, 9],
         "resource": "Pod.shop.cart.backstage.io/kubernetes-id-cart.tier-web"},
        {"check_id": "CKV_K8S_22", "check_name": "n", "repo_file_path": "/k8s/d.yaml", "file_line_range": [1, 9],
         "resource": "Deployment.shop.cart.backstage.io/kubernetes-id-"}]}}
      """#)
    #expect(
      parsed.findings.map(\.kubernetes) == [
        [
          KubernetesObject(
            kind: "Pod", namespace: "payments",
            name: "payments-api.app.kubernetes.io/name-payments-api.backstage.io/kubernetes-id-payments-api",
            kubernetesId: "payments-api")
        ],
        [
          KubernetesObject(
            kind: "Pod", namespace: "shop", name: "cart.backstage.io/kubernetes-id-cart.tier-web", kubernetesId: "cart")
        ],
        [KubernetesObject(kind: "Deployment", namespace: "shop", name: "cart.backstage.io/kubernetes-id-")],
      ])
  }

  @Test func reportSelectorsByKubernetesIdGiveTheObject() {
    let parsed = parse(
      """
      apiVersion: wgpolicyk8s.io/v1alpha2
      kind: PolicyReport
      metadata: {name: r, namespace: shop}
      scopeSelector: {matchLabels: {backstage.io/kubernetes-id: cart}}
      results:
      - {policy: p, rule: a, result: fail, resourceSelector: {matchLabels: {backstage.io/kubernetes-id: checkout}}}
      - {policy: p, rule: b, result: pass}
      - {policy: p, rule: c, result: pass, resourceSelector: {matchLabels: {app: other}}}
      - {policy: p, rule: d, result: warn, resources: [{kind: Pod, name: cart-1}], resourceSelector: {matchLabels: {backstage.io/kubernetes-id: x}}}
      """, path: "selectors.yaml")
    #expect(text(parsed) == "")
    #expect(
      parsed.findings.map(\.kubernetes) == [
        [KubernetesObject(kind: "", namespace: "shop", name: "", kubernetesId: "checkout")],
        [KubernetesObject(kind: "", namespace: "shop", name: "", kubernetesId: "cart")],
        [KubernetesObject(kind: "", namespace: "shop", name: "", kubernetesId: "cart")],
        [KubernetesObject(kind: "Pod", namespace: "", name: "cart-1")],
      ])
  }
}

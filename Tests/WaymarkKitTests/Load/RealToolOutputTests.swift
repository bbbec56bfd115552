import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// What real tool outputs showed (issue 23), each on a fixture shaped like the tool's output
/// (`Tests/Fixtures/guardrails-real`).
@Suite struct RealToolOutputTests {
  static let fixture = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/guardrails-real")

  func parsed(_ path: String) throws -> ParsedGuardrailFile {
    guard case .success(let file) = SourceFile.read(path, under: Self.fixture) else {
      throw CocoaError(.fileReadNoSuchFile)
    }
    let parsed = GuardrailResultLoader.parse(file)
    // The member-by-member reader and the whole tree agree on every fixture.
    #expect(parsed == GuardrailResultLoader.parseJSONTree(file))
    return parsed
  }

  func text(_ diagnostics: [Diagnostic]) -> String { DiagnosticFormat.text.format(DiagnosticList(diagnostics)) }

  @Test func trivysRootPathBaseIsTheRepositoryRootAndAStaleIndexWarnsOncePerRule() throws {
    let parsed = try parsed("trivy-rootpath.sarif")
    #expect(
      parsed.findings.map(\.file) == [
        "python-app/Pipfile.lock", "python-app/Pipfile.lock", "python-app/requirements.txt",
      ])
    #expect(parsed.findings.map(\.fileBase) == ["/", "/", "/"])
    #expect(parsed.findings.map(\.ruleId) == ["CVE-2023-0001", "CVE-2023-0002", "CVE-2023-0002"])
    // Labelled with the id's own rule: its security-severity 8.1 is high (the indexed rule's 6.1 is medium).
    #expect(parsed.findings.map(\.severity) == [.medium, .high, .high])
    #expect(
      text(parsed.diagnostics)
        == "trivy-rootpath.sarif:38:9: warning: ruleId 'CVE-2023-0002' disagrees with ruleIndex 0 (rule 'CVE-2023-0001'); showing 'CVE-2023-0002' with its own rule's metadata (2 results) [policy.sarif-rule-mismatch]\n"
    )
  }

  @Test func ruleConfigurationOverridesSetTheLevelAndAMissingRuleIdIsNamed() throws {
    let parsed = try parsed("sarif-sdk-overrides.sarif")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.findings.map(\.ruleId) == ["CA2101", "CA1822", "CA1822", "(no rule id)", "(no rule id)"])
    #expect(parsed.findings.map(\.result) == [.fail, .warn, .warn, .fail, .fail])
    #expect(parsed.findings.map(\.severity) == [.medium, .low, .low, .high, .high])
    let rules = GuardrailResults.rollUp(parsed.findings)["rules"]
    #expect(rules?["(no rule id)"]?["count"] == .int(2))
    #expect(rules?["CA1822"]?["result"] == .string("warn"))
  }

  @Test func codeScanningProvenanceNamesTheRepositoryAndProblemSeverityIsAWord() throws {
    let parsed = try parsed("codeql-provenance.sarif")
    #expect(parsed.findings.map(\.repository?.description) == ["github.com/acme/web", "github.com/acme/web"])
    #expect(parsed.findings.map(\.file) == ["src/App.js", "src/util.js"])
    // security-severity 7.8 → high; `problem.severity: recommendation` → low.
    #expect(parsed.findings.map(\.severity) == [.high, .low])
  }

  @Test func aLogPropertyNamesTheRepositoryOfRunsWithoutProvenance() throws {
    let parsed = try parsed("gitlab-mono.sarif")
    #expect(
      parsed.findings.map(\.repository?.description) == [
        "gitlab.com/acme/platform/mono", "gitlab.com/acme/platform/mono", "acme/twins",
      ])
  }

  @Test func trivysOwnJSONGivesVulnerabilitiesMisconfigurationsSecretsAndPasses() throws {
    let parsed = try parsed("trivy-fs.json")
    #expect(parsed.format == "trivy")
    #expect(parsed.diagnostics.isEmpty)
    let rows = parsed.findings.map {
      "\($0.ruleId) \($0.result.rawValue) \($0.severity.rawValue) \($0.file ?? "-"):\($0.line ?? 0) ×\($0.count)"
    }
    #expect(
      rows == [
        "CVE-2023-32681 fail medium requirements.txt:0 ×1",
        "KSV001 fail medium deploy/deployment.yaml:17 ×1",
        "misconfiguration/success pass info deploy/deployment.yaml:0 ×24",
        "aws-access-key-id fail critical config/settings.py:4 ×1",
      ])
    #expect(
      parsed.findings.map(\.message)[0]
        == "requests 2.25.0: python-requests: Unintended leak of Proxy-Authorization header (fixed in 2.31.0)")
    #expect(parsed.findings.map(\.message)[3] == "secret: AWS Access Key ID")
    #expect(Set(parsed.findings.map(\.repository?.description)) == ["github.com/acme/payments"])
    #expect(parsed.findings[0].input == SourceLocation(path: "trivy-fs.json", line: 18, column: 9))
  }

  @Test func opaPartialSetObjectsAndIndexedRowsAreRead() throws {
    let partial = try parsed("opa-partial-set.json")
    #expect(partial.diagnostics.isEmpty)
    #expect(
      partial.findings.map(\.message) == [
        "container app runs as root in Deployment test-deployment", "image nginx:latest uses the latest tag",
      ])
    #expect(Set(partial.findings.map(\.result)) == [.fail])
    let rows = try parsed("opa-rows.json")
    #expect(rows.diagnostics.isEmpty)
    #expect(rows.findings.map(\.message) == ["container app runs as root", "image uses the latest tag"])
    #expect(rows.findings.map(\.ruleId) == ["data.k8s.deny", "K8S-002"])
    #expect(rows.findings.map(\.severity) == [.high, .low])
  }
}

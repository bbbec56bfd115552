import StructuredData
import WaymarkModel

/// Reads Trivy's own report (`trivy fs|repo|image|config … --format json`):
/// `{SchemaVersion, ArtifactName, ArtifactType, Results: [{Target, Class, Type, Vulnerabilities,
/// Misconfigurations, Secrets, MisconfSummary}]}`, and `trivy k8s --format json`, whose
/// `Resources[]` carry `Namespace`, `Kind`, `Name` and their own `Results`.
///
/// Vulnerabilities are failures of rule `VulnerabilityID` in `Target` (a lock file; an OS
/// package target such as `alpine:3.19 (alpine 3.19.1)` is no file); misconfigurations are
/// failures, passes (`PASS`, with `--include-non-failures`) or suppressed skips (`EXCEPTION`) of
/// rule `ID` at `CauseMetadata.StartLine`; secrets are failures of rule `RuleID` (the redacted
/// match is not copied). `MisconfSummary.Successes` counts as passes of rule
/// `misconfiguration/success` when no passes are listed. A repository scan's `ArtifactName`
/// (or `Metadata.RepoURL`) is the results' repository.
package struct TrivyJSONParser {
  package let path: String

  /// Whether `value` looks like a Trivy JSON report.
  package static func recognises(_ value: JSONValue) -> Bool {
    guard case .object(let members) = value else { return false }
    if members["ClusterName"] != nil, members["Resources"] != nil { return true }
    guard members["SchemaVersion"] != nil || members["ArtifactName"] != nil else { return false }
    return members["Results"] != nil || members["ArtifactType"] != nil
  }

  package func parse(_ value: JSONValue, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile) {
    file.noteTool("trivy")
    var repository: RepositoryIdentity?
    if value["ArtifactType"]?.stringValue == "repository" || value["Metadata"]?["RepoURL"] != nil {
      let url = value["Metadata"]?["RepoURL"]?.stringValue ?? value["ArtifactName"]?.stringValue ?? ""
      repository = RepositoryLocation.parse(url)?.repository
    }
    read(
      results: value["Results"], at: ValuePath(keys: "Results"), kubernetes: [], repository: repository,
      positions: positions, into: &file)
    for (index, resource) in (value["Resources"]?.arrayValue ?? []).enumerated() {
      let object = KubernetesObject(
        kind: resource["Kind"]?.stringValue ?? "", namespace: resource["Namespace"]?.stringValue ?? "",
        name: resource["Name"]?.stringValue ?? "")
      read(
        results: resource["Results"], at: ValuePath(keys: "Resources").appending(index: index).appending("Results"),
        kubernetes: object.name.isEmpty ? [] : [object], repository: repository, positions: positions, into: &file)
    }
  }

  private struct Context {
    var target: String?
    var kubernetes: [KubernetesObject]
    var repository: RepositoryIdentity?
  }

  private func read(
    results: JSONValue?, at resultsPath: ValuePath, kubernetes: [KubernetesObject], repository: RepositoryIdentity?,
    positions: JSONPositionIndex, into file: inout ParsedGuardrailFile
  ) {
    for (index, result) in (results?.arrayValue ?? []).enumerated() {
      let resultPath = resultsPath.appending(index: index)
      let targetClass = result["Class"]?.stringValue ?? ""
      let target = result["Target"]?.stringValue.flatMap { target in
        targetClass == "os-pkgs" || target.isEmpty ? nil : GuardrailPath.normalized(target)
      }
      let context = Context(target: target, kubernetes: kubernetes, repository: repository)
      func input(_ key: String, _ item: Int) -> SourceLocation {
        SourceLocation(path: path, position: positions.position(of: resultPath.appending(key).appending(index: item)))
      }
      for (item, vulnerability) in (result["Vulnerabilities"]?.arrayValue ?? []).enumerated() {
        file.findings.append(self.vulnerability(vulnerability, context: context, input: input("Vulnerabilities", item)))
      }
      var listedPasses = false
      for (item, misconfiguration) in (result["Misconfigurations"]?.arrayValue ?? []).enumerated() {
        let finding = self.misconfiguration(misconfiguration, context: context, input: input("Misconfigurations", item))
        listedPasses = listedPasses || finding.result == .pass
        file.findings.append(finding)
      }
      for (item, secret) in (result["Secrets"]?.arrayValue ?? []).enumerated() {
        file.findings.append(self.secret(secret, context: context, input: input("Secrets", item)))
      }
      if !listedPasses, let successes = result["MisconfSummary"]?["Successes"]?.intValue, successes > 0 {
        file.findings.append(
          GuardrailFinding(
            tool: "trivy", ruleId: "misconfiguration/success", result: .pass, severity: .info,
            message: "\(successes) check(s) passed", file: target,
            input: SourceLocation(path: path, position: positions.position(of: resultPath.appending("MisconfSummary"))),
            count: Int(successes), kubernetes: kubernetes, repository: repository))
      }
    }
  }

  private func vulnerability(_ item: JSONValue, context: Context, input: SourceLocation) -> GuardrailFinding {
    let id = item["VulnerabilityID"]?.stringValue ?? SARIFParser.noRuleId
    let package = [item["PkgName"]?.stringValue, item["InstalledVersion"]?.stringValue].compactMap { $0 }.joined(
      separator: " ")
    var message = item["Title"]?.stringValue ?? id
    if !package.isEmpty { message = package + ": " + message }
    if let fixed = item["FixedVersion"]?.stringValue, !fixed.isEmpty { message += " (fixed in \(fixed))" }
    return GuardrailFinding(
      tool: "trivy", ruleId: id, ruleName: item["Title"]?.stringValue, result: .fail,
      severity: Self.severity(item["Severity"], outcome: .fail), message: message,
      file: item["PkgPath"]?.stringValue.map(GuardrailPath.normalized) ?? context.target,
      helpURL: item["PrimaryURL"]?.stringValue, input: input, kubernetes: context.kubernetes,
      repository: context.repository)
  }

  private func misconfiguration(_ item: JSONValue, context: Context, input: SourceLocation) -> GuardrailFinding {
    let outcome: GuardrailOutcome
    switch item["Status"]?.stringValue?.uppercased() {
    case "PASS": outcome = .pass
    case "EXCEPTION": outcome = .skip
    default: outcome = .fail
    }
    let id = item["ID"]?.stringValue ?? item["AVDID"]?.stringValue ?? SARIFParser.noRuleId
    return GuardrailFinding(
      tool: "trivy", ruleId: id, ruleName: item["Title"]?.stringValue, result: outcome,
      severity: Self.severity(item["Severity"], outcome: outcome),
      message: item["Message"]?.stringValue ?? item["Title"]?.stringValue ?? id, file: context.target,
      line: item["CauseMetadata"]?["StartLine"]?.intValue.flatMap { $0 > 0 ? Int($0) : nil },
      helpURL: item["PrimaryURL"]?.stringValue, suppressed: outcome == .skip, input: input,
      kubernetes: context.kubernetes, repository: context.repository)
  }

  private func secret(_ item: JSONValue, context: Context, input: SourceLocation) -> GuardrailFinding {
    let id = item["RuleID"]?.stringValue ?? SARIFParser.noRuleId
    let title = item["Title"]?.stringValue
    return GuardrailFinding(
      tool: "trivy", ruleId: id, ruleName: title, result: .fail,
      severity: Self.severity(item["Severity"], outcome: .fail),
      message: "secret: " + (title ?? id), file: context.target,
      line: item["StartLine"]?.intValue.flatMap { $0 > 0 ? Int($0) : nil }, input: input,
      kubernetes: context.kubernetes, repository: context.repository)
  }

  /// Trivy's `CRITICAL`…`LOW`; `UNKNOWN` (no score yet) falls back by result.
  private static func severity(_ value: JSONValue?, outcome: GuardrailOutcome) -> GuardrailSeverity {
    value?.stringValue.flatMap(GuardrailSeverity.init(word:)) ?? .fallback(for: outcome)
  }
}

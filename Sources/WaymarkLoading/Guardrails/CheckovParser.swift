import Foundation
import StructuredData
import WaymarkModel

/// Reads checkov's `-o json` report: one framework as an object, several as an array.
///
/// Passed, failed and skipped checks all become findings (skipped ones, from `checkov:skip`
/// comments, are suppressed). Paths come from `repo_file_path` (relative to where checkov ran,
/// with a leading `/`); Kubernetes resource ids `Kind.namespace.name` give the object.
package struct CheckovParser {
  package let path: String

  /// Whether `value` looks like checkov JSON.
  package static func recognises(_ value: JSONValue) -> Bool {
    switch value {
    case .object(let members):
      return (members["check_type"] != nil && members["results"] != nil) || members["checkov_version"] != nil
    case .array(let elements):
      return !elements.isEmpty && elements.allSatisfy { $0["check_type"] != nil }
    default: return false
    }
  }

  package func parse(_ value: JSONValue, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile) {
    file.noteTool("checkov")
    if let reports = value.arrayValue {
      for (index, report) in reports.enumerated() {
        parse(report: report, at: ValuePath([.index(index)]), positions: positions, into: &file)
      }
    } else {
      parse(report: value, at: ValuePath(), positions: positions, into: &file)
    }
  }

  private func parse(
    report: JSONValue, at reportPath: ValuePath, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile
  ) {
    // A run that found nothing to scan prints only the summary object.
    guard let results = report["results"] else { return }
    let checkType = report["check_type"]?.stringValue ?? ""
    let groups: [(String, GuardrailOutcome)] = [
      ("passed_checks", .pass), ("failed_checks", .fail), ("skipped_checks", .skip),
    ]
    for (key, outcome) in groups {
      for (index, check) in (results[key]?.arrayValue ?? []).enumerated() {
        let checkPath = reportPath.appending("results").appending(key).appending(index: index)
        let input = SourceLocation(path: path, position: positions.position(of: checkPath))
        guard let checkId = check["check_id"]?.stringValue else {
          file.diagnostics.append(
            .warning(.policyCheckovShape, "checkov check has no 'check_id'; it is skipped", at: input))
          continue
        }
        let name = check["check_name"]?.stringValue
        var message = name ?? checkId
        if outcome == .skip, let comment = check["check_result"]?["suppress_comment"]?.stringValue {
          message = "skipped: " + comment.trimmingCharacters(in: .whitespaces)
        }
        let rawPath = check["repo_file_path"]?.stringValue ?? check["file_path"]?.stringValue
        file.findings.append(
          GuardrailFinding(
            tool: "checkov", ruleId: checkId, ruleName: name, result: outcome,
            severity: check["severity"]?.stringValue.flatMap(GuardrailSeverity.init(word:)) ?? .fallback(for: outcome),
            message: message, file: rawPath.map { GuardrailPath.normalized(String($0.drop { $0 == "/" })) },
            line: check["file_line_range"]?.arrayValue?.first?.intValue.map(Int.init),
            helpURL: check["guideline"]?.stringValue,
            suppressed: outcome == .skip, input: input,
            kubernetes: Self.kubernetesObject(checkType: checkType, resource: check["resource"]?.stringValue)))
      }
    }
  }

  /// `Deployment.payments.payments-api` → (Deployment, payments, payments-api) for Kubernetes checks.
  ///
  /// checkov names a workload's pod template by its labels, `key-value`, after the owner's name
  /// (`Pod.acme-prod.payments-api.app-payments-api.backstage.io/kubernetes-id-payments-api`): a
  /// `backstage.io/kubernetes-id` label there is kept, up to the next `.`, the id Backstage
  /// matches. The name stays everything after the namespace, since names may hold dots too.
  package static func kubernetesObject(checkType: String, resource: String?) -> [KubernetesObject] {
    guard ["kubernetes", "helm", "kustomize"].contains(checkType), let resource else { return [] }
    let parts = resource.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else { return [] }
    var kubernetesId: String?
    if let label = parts[2].range(of: "." + KubernetesObject.kubernetesIdLabel + "-") {
      let value = parts[2][label.upperBound...].prefix { $0 != "." }
      if !value.isEmpty { kubernetesId = String(value) }
    }
    return [KubernetesObject(kind: parts[0], namespace: parts[1], name: parts[2], kubernetesId: kubernetesId)]
  }
}

import StructuredData
import WaymarkModel

/// Reads `conftest test --output json`: an array of `{filename, namespace, successes, failures,
/// warnings, exceptions, skipped}`.
///
/// Successes are only a count, kept as one pass finding per file and namespace with rule id
/// `<namespace>/success` (as conftest's own SARIF names it). Rule ids are `metadata.id`, else
/// `<namespace>/deny|warn|allow|skip`; `metadata.severity` and `metadata.entity` (or
/// `waymark.dev/entity`) are read when the policy sets them; `loc` gives file and line.
package struct ConftestParser {
  package let path: String

  /// Whether `value` looks like conftest JSON (an empty array is an empty conftest run).
  package static func recognises(_ value: JSONValue) -> Bool {
    guard let elements = value.arrayValue else { return false }
    return elements.allSatisfy {
      $0["filename"] != nil && ($0["successes"] != nil || $0["failures"] != nil || $0["warnings"] != nil)
    }
  }

  package func parse(_ value: JSONValue, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile) {
    file.noteTool("conftest")
    for (index, check) in (value.arrayValue ?? []).enumerated() {
      let checkPath = ValuePath([.index(index)])
      let namespace = check["namespace"]?.stringValue ?? "main"
      let filename = check["filename"]?.stringValue.flatMap { $0.isEmpty ? nil : GuardrailPath.normalized($0) }
      if let successes = check["successes"]?.intValue, successes > 0 {
        file.findings.append(
          GuardrailFinding(
            tool: "conftest", ruleId: "\(namespace)/success", result: .pass, severity: .info,
            message: "\(successes) check(s) passed", file: filename,
            input: SourceLocation(path: path, position: positions.position(of: checkPath.appending("successes"))),
            count: Int(successes)))
      }
      let groups: [(String, String, GuardrailOutcome)] = [
        ("failures", "deny", .fail), ("warnings", "warn", .warn), ("exceptions", "allow", .skip),
        ("skipped", "skip", .skip),
      ]
      for (key, kind, outcome) in groups {
        for (resultIndex, result) in (check[key]?.arrayValue ?? []).enumerated() {
          let metadata = result["metadata"]
          let location = result["loc"]
          file.findings.append(
            GuardrailFinding(
              tool: "conftest", ruleId: metadata?["id"]?.stringValue ?? "\(namespace)/\(kind)",
              ruleName: metadata?["query"]?.stringValue, result: outcome,
              severity: metadata?["severity"]?.stringValue.flatMap(GuardrailSeverity.init(word:))
                ?? .fallback(for: outcome),
              message: result["msg"]?.stringValue ?? "",
              file: location?["file"]?.stringValue.map(GuardrailPath.normalized) ?? filename,
              line: Self.number(location?["line"]), suppressed: key == "exceptions",
              input: SourceLocation(
                path: path, position: positions.position(of: checkPath.appending(key).appending(index: resultIndex))),
              entityRef: metadata?[SARIFParser.entityProperty]?.stringValue ?? metadata?["entity"]?.stringValue))
        }
      }
    }
  }

  /// conftest writes `loc.line` as a JSON number or a numeric string (`json.Number`).
  package static func number(_ value: JSONValue?) -> Int? {
    if let int = value?.intValue { return Int(int) }
    return value?.stringValue.flatMap { Int($0) }
  }
}

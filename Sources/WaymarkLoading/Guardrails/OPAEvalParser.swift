import Foundation
import StructuredData
import WaymarkModel

/// Reads `opa eval --format json` output under the portal's Rego convention.
///
/// Convention (conftest's, plus portal keys): a rule named `deny`/`violation`(`_*`) yields
/// failures and `warn`(`_*`) warnings; each is a set of strings (the message) or objects
/// `{msg, id, severity, entity, file, line}`. A query may return the rule itself, the whole
/// package (its deny/warn members are read, plus `status[entityRef].passed == true` as a pass and
/// a package-level `entity`, or `component` = a `backstage.io/kubernetes-id`, for findings
/// without their own), or bind a variable (`v := data.p.deny[_]`): then each binding is one
/// finding of the rule named in the query. `{}` is an undefined query: no findings.
package struct OPAEvalParser {
  package let path: String

  /// Whether `value` looks like `opa eval` output.
  package static func recognises(_ value: JSONValue) -> Bool {
    guard case .object(let members) = value else { return false }
    if members.isEmpty { return true }
    if let results = members["result"]?.arrayValue { return results.allSatisfy { $0["expressions"] != nil } }
    return members["errors"] != nil && members.keys.allSatisfy { ["errors", "metrics"].contains($0) }
  }

  package func parse(_ value: JSONValue, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile) {
    file.noteTool("opa")
    for (index, error) in (value["errors"]?.arrayValue ?? []).enumerated() {
      let code = error["code"]?.stringValue ?? "error"
      file.diagnostics.append(
        .error(
          .policyOPAError, "opa eval reported an error: \(error["message"]?.stringValue ?? "no message") (\(code))",
          at: SourceLocation(path: path, position: positions.position(of: ValuePath([.key("errors"), .index(index)])))))
    }
    for (resultIndex, result) in (value["result"]?.arrayValue ?? []).enumerated() {
      let resultPath = ValuePath([.key("result"), .index(resultIndex)])
      let expressions = result["expressions"]?.arrayValue ?? []
      if let bindings = result["bindings"]?.objectValue, !bindings.isEmpty {
        let query = expressions.compactMap { $0["text"]?.stringValue }.joined(separator: "; ")
        let rule = Self.ruleReference(in: query) ?? query
        for (name, binding) in bindings.sorted(by: { $0.key < $1.key }) {
          let bindingPath = resultPath.appending("bindings").appending(name)
          read(
            element: binding, rule: rule, outcome: Self.outcome(forRule: rule) ?? .fail, defaults: Defaults(),
            at: bindingPath, positions: positions, into: &file)
        }
        continue
      }
      for (expressionIndex, expression) in expressions.enumerated() {
        let valuePath = resultPath.appending("expressions").appending(index: expressionIndex).appending("value")
        let text = expression["text"]?.stringValue ?? ""
        guard let expressionValue = expression["value"] else { continue }
        // `data.p.deny[_]`: one row per element of the rule's set.
        if let reference = Self.ruleReference(in: text), text.hasPrefix(reference + "["),
          let outcome = Self.outcome(forRule: reference)
        {
          read(
            element: expressionValue, rule: reference, outcome: outcome, defaults: Defaults(), at: valuePath,
            positions: positions, into: &file)
          continue
        }
        read(value: expressionValue, rule: text, at: valuePath, positions: positions, into: &file)
      }
    }
  }

  private struct Defaults {
    var entity: String?
    var kubernetesId: String?
  }

  /// A rule's set, or a package document whose deny/warn/status members are read.
  private func read(
    value: JSONValue, rule: String, at valuePath: ValuePath, positions: JSONPositionIndex,
    into file: inout ParsedGuardrailFile
  ) {
    if let outcome = Self.outcome(forRule: rule) {
      if let elements = value.arrayValue {
        for (index, element) in elements.enumerated() {
          read(
            element: element, rule: rule, outcome: outcome, defaults: Defaults(), at: valuePath.appending(index: index),
            positions: positions, into: &file)
        }
        return
      }
      if let messages = Self.partialSetMessages(value) {
        for message in messages {
          read(
            element: .string(message), rule: rule, outcome: outcome, defaults: Defaults(),
            at: valuePath.appending(message), positions: positions, into: &file)
        }
        return
      }
    }
    guard let members = value.objectValue else {
      file.diagnostics.append(
        .warning(
          .policyOPAConvention, "value of '\(rule)' is not a deny/warn set or a package; it is ignored",
          at: SourceLocation(path: path, position: positions.position(of: valuePath))))
      return
    }
    let defaults = Defaults(entity: members["entity"]?.stringValue, kubernetesId: members["component"]?.stringValue)
    for (name, member) in members.sorted(by: { $0.key < $1.key }) {
      guard let outcome = Self.outcome(forRule: name) else { continue }
      if let messages = Self.partialSetMessages(member) {
        for message in messages {
          read(
            element: .string(message), rule: rule + "." + name, outcome: outcome, defaults: defaults,
            at: valuePath.appending(name).appending(message), positions: positions, into: &file)
        }
        continue
      }
      guard let elements = member.arrayValue else { continue }
      for (index, element) in elements.enumerated() {
        read(
          element: element, rule: rule + "." + name, outcome: outcome, defaults: defaults,
          at: valuePath.appending(name).appending(index: index), positions: positions, into: &file)
      }
    }
    for (ref, status) in (members["status"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key })
    where status["passed"]?.boolValue == true {
      file.findings.append(
        GuardrailFinding(
          tool: "opa", ruleId: rule, ruleName: "status", result: .pass, severity: .info,
          message: "\(ref) passes \(rule)",
          input: SourceLocation(
            path: path, position: positions.position(of: valuePath.appending("status").appending(ref))),
          entityRef: ref))
    }
  }

  /// One element of a deny/warn set: a message string or a convention object.
  private func read(
    element: JSONValue, rule: String, outcome: GuardrailOutcome, defaults: Defaults, at elementPath: ValuePath,
    positions: JSONPositionIndex, into file: inout ParsedGuardrailFile
  ) {
    let input = SourceLocation(path: path, position: positions.position(of: elementPath))
    let message: String
    var object: JSONValue?
    switch element {
    case .string(let text): message = text
    case .object:
      object = element
      message = element["msg"]?.stringValue ?? element["message"]?.stringValue ?? rule
    default:
      file.diagnostics.append(
        .warning(
          .policyOPAConvention, "element of '\(rule)' is neither a string nor an object; it is ignored", at: input))
      return
    }
    let kubernetes = defaults.kubernetesId.map { [KubernetesObject(kind: "", namespace: "", name: $0)] } ?? []
    file.findings.append(
      GuardrailFinding(
        tool: "opa", ruleId: object?["id"]?.stringValue ?? rule, ruleName: object?["id"] == nil ? nil : rule,
        result: outcome,
        severity: object?["severity"]?.stringValue.flatMap(GuardrailSeverity.init(word:)) ?? .fallback(for: outcome),
        message: message, file: object?["file"]?.stringValue.map(GuardrailPath.normalized),
        line: object?["line"]?.intValue.map(Int.init), input: input,
        entityRef: object?["entity"]?.stringValue ?? defaults.entity, kubernetes: kubernetes))
  }

  /// The messages of a set of strings shown as an object (`{"<msg>": true, …}`), as OPA 1.x
  /// prints a partial set rule (`deny contains msg if …`) in some outputs, sorted; nil otherwise.
  package static func partialSetMessages(_ value: JSONValue) -> [String]? {
    guard let members = value.objectValue, !members.isEmpty, members.values.allSatisfy({ $0.boolValue == true }) else {
      return nil
    }
    return members.keys.sorted()
  }

  /// fail for `deny`/`violation`(`_x`), warn for `warn`(`_x`), judged by the last segment of a rule path.
  package static func outcome(forRule rule: String) -> GuardrailOutcome? {
    let name = rule.split(separator: ".").last.map(String.init) ?? rule
    let head = name.split(separator: "_").first.map(String.init) ?? name
    switch head {
    case "deny", "violation": return .fail
    case "warn": return .warn
    default: return nil
    }
  }

  /// The `data.…` rule path in a query such as `v := data.p.deny[_]; v.severity == "high"`.
  package static func ruleReference(in query: String) -> String? {
    guard let start = query.range(of: "data.") else { return nil }
    let tail = query[start.lowerBound...]
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._"))
    let reference = tail.prefix { character in character.unicodeScalars.allSatisfy { allowed.contains($0) } }
    return reference.isEmpty ? nil : String(reference)
  }
}

import Foundation
import StructuredData
import WaymarkModel

/// Reads SARIF 2.1.0 logs (any tool) into findings.
///
/// Implements the consumer rules of the SARIF spec and Microsoft's viewer guidance: rule lookup by
/// `ruleIndex`/`rule.index` (driver or `tool.extensions`) else by id, message templates with
/// `{n}` arguments, effective level (result → rule default → `warning`), suppression status,
/// `baselineState` (`absent` results are fixed and not counted) and `originalUriBaseIds`.
package struct SARIFParser {
  package let path: String

  /// The property a result or run uses to name its entity explicitly.
  package static let entityProperty = "waymark.dev/entity"

  package func parse(_ log: JSONValue, positions: JSONPositionIndex, into file: inout ParsedGuardrailFile) {
    let version = log["version"]?.stringValue
    guard version == "2.1.0" else {
      let found = version.map { "'\($0)'" } ?? "no version"
      file.diagnostics.append(
        .error(
          .policySARIFVersion, "SARIF log has \(found); only version '2.1.0' is supported",
          at: location(positions, ValuePath(keys: "version"))))
      return
    }
    guard let runs = log["runs"]?.arrayValue else {
      file.diagnostics.append(
        .error(.policySARIFShape, "SARIF log has no 'runs' array", at: location(positions, ValuePath())))
      return
    }
    var absent = 0
    let logRepository = log["properties"]?[Self.repositoryProperty]?.stringValue.flatMap(Self.repository(named:))
    for (runIndex, run) in runs.enumerated() {
      let runPath = ValuePath(keys: "runs").appending(index: runIndex)
      guard run["tool"]?["driver"]?["name"]?.stringValue != nil else {
        file.diagnostics.append(
          .error(.policySARIFShape, "SARIF run has no 'tool.driver.name'", at: location(positions, runPath)))
        continue
      }
      let parts = SARIFRun(run)
      let inputs = parts.results.indices.map { location(positions, runPath.appending("results").appending(index: $0)) }
      absent += parse(run: parts, inputs: inputs, into: &file)
    }
    finish(absent: absent, logRepository: logRepository, into: &file)
  }

  package func noteAbsent(_ absent: Int, into file: inout ParsedGuardrailFile) {
    if absent > 0 {
      file.diagnostics.append(
        Diagnostic(
          .note, code: .policySARIFAbsent,
          message: "\(absent) result(s) with baselineState 'absent' (fixed since the baseline) were not counted",
          location: SourceLocation(path: path, line: 1, column: 1)))
    }
  }

  /// Parses one run whose tool has a driver name, with each result's location in the file;
  /// returns how many `absent` results it skipped.
  package func parse(run: SARIFRun, inputs: [SourceLocation], into file: inout ParsedGuardrailFile) -> Int {
    guard let context = context(for: run) else { return 0 }
    file.noteTool(context.toolName)
    var absent = 0
    file.findings.reserveCapacity(file.findings.count + run.results.count)
    // Through the buffer, so each result's fields are borrowed, not copied.
    run.results.withUnsafeBufferPointer { results in
      for index in results.indices {
        if results[index].baselineState == "absent" {
          absent += 1
          continue
        }
        let finding = finding(results[index], input: inputs[index], run: context, diagnostics: &file.diagnostics)
        file.findings.append(finding)
      }
    }
    return absent
  }

  /// What the results of `run` share, or nil when its tool has no driver name.
  package func context(for run: SARIFRun) -> RunContext? {
    guard let driver = run.tool?["driver"], let toolName = driver["name"]?.stringValue else { return nil }
    var components =
      [SARIFToolComponent(driver)] + (run.tool?["extensions"]?.arrayValue ?? []).map(SARIFToolComponent.init)
    Self.applyOverrides(run.invocations, to: &components)
    let (runRepository, baseRepositories) = Self.repositories(of: run)
    return RunContext(
      toolName: toolName, components: components,
      uris: SARIFURIResolver(originalUriBaseIds: run.originalUriBaseIds, artifacts: run.artifacts),
      runEntity: run.properties?[Self.entityProperty]?.stringValue, isConftest: toolName.lowercased() == "conftest",
      runRepository: runRepository, baseRepositories: baseRepositories)
  }

  /// The property a result, run or log uses to name the repository its files are in.
  package static let repositoryProperty = "waymark.dev/repository"

  /// The run's repository (its `waymark.dev/repository` property, else the
  /// `versionControlProvenance` entry not mapped to a base) and the repositories mapped to bases
  /// (`mappedTo.uriBaseId`).
  package static func repositories(of run: SARIFRun) -> (RepositoryIdentity?, [String: RepositoryIdentity]) {
    var runRepository = run.properties?[repositoryProperty]?.stringValue.flatMap(repository(named:))
    var byBase: [String: RepositoryIdentity] = [:]
    for entry in run.versionControlProvenance?.arrayValue ?? [] {
      guard let uri = entry["repositoryUri"]?.stringValue, let repository = RepositoryLocation.parse(uri)?.repository
      else { continue }
      if let base = entry["mappedTo"]?["uriBaseId"]?.stringValue {
        if entry["mappedTo"]?["uri"] == nil, byBase[base] == nil { byBase[base] = repository }
      } else if runRepository == nil {
        runRepository = repository
      }
    }
    return (runRepository, byBase)
  }

  /// A repository named by a URL (`https://github.com/acme/x`) or a slug (`acme/x`).
  package static func repository(named text: String) -> RepositoryIdentity? {
    RepositoryLocation.parse(text)?.repository ?? RepositoryIdentity(slug: text)
  }

  /// Applies `invocations[].ruleConfigurationOverrides` levels to the rules they name (SARIF
  /// §3.20.5): the overridden level is the rule's default for its results.
  package static func applyOverrides(_ invocations: JSONValue?, to components: inout [SARIFToolComponent]) {
    for invocation in invocations?.arrayValue ?? [] {
      for override in invocation["ruleConfigurationOverrides"]?.arrayValue ?? [] {
        guard let descriptor = override["descriptor"], let level = override["configuration"]?["level"]?.stringValue
        else { continue }
        var chosen = 0
        if let index = descriptor["toolComponent"]?["index"]?.intValue, index >= 0, Int(index) + 1 < components.count {
          chosen = Int(index) + 1
        } else if let name = descriptor["toolComponent"]?["name"]?.stringValue,
          let named = components.firstIndex(where: { $0.name == name })
        {
          chosen = named
        }
        guard let ruleIndex = components[chosen].ruleIndex(of: descriptor) else { continue }
        components[chosen].rules[ruleIndex] = components[chosen].rules[ruleIndex].withDefaultLevel(level)
      }
    }
  }

  /// What every result of one run shares.
  package struct RunContext {
    package var toolName: String
    package var components: [SARIFToolComponent]
    package var uris: SARIFURIResolver
    package var runEntity: String?
    package var isConftest: Bool
    package var runRepository: RepositoryIdentity?
    package var baseRepositories: [String: RepositoryIdentity]

    /// The repository of a result: its own property, else its base's, else the run's.
    package func repository(_ result: borrowing SARIFResultFields) -> RepositoryIdentity? {
      if let named = result.properties?[SARIFParser.repositoryProperty]?.stringValue {
        return SARIFParser.repository(named: named)
      }
      if !baseRepositories.isEmpty, let base = result.uriBaseId, let repository = baseRepositories[base] {
        return repository
      }
      return runRepository
    }
  }

  /// The finding of one result (not `absent`) read at `input`.
  @inline(__always)  // inlined into the loop, it reads the result's fields in place instead of copying them
  package func finding(
    _ result: borrowing SARIFResultFields, input: SourceLocation, run: RunContext, diagnostics: inout [Diagnostic]
  ) -> GuardrailFinding {
    let (rule, ruleId, mismatch) = lookUpRule(result, in: run.components)
    if let mismatch {
      diagnostics.append(.warning(.policySARIFRuleMismatch, mismatch, at: input))
    }
    let kind = result.kind ?? "fail"
    let level = effectiveLevel(result, rule: rule, kind: kind)
    let suppressed = Self.isSuppressed(result)
    var outcome = Self.outcome(kind: kind, level: level)
    if run.isConftest {
      // conftest writes passes and skips as kind-less `<ns>/success` / `<ns>/skip` results,
      // and its warnings (`<ns>/warn`) are warnings as in its JSON output.
      if ruleId.hasSuffix("/success") { outcome = .pass }
      if ruleId.hasSuffix("/warn") { outcome = .warn }
      if ruleId.hasSuffix("/skip") { outcome = .skip }
    }
    if suppressed { outcome = .skip }
    return GuardrailFinding(
      tool: run.toolName, ruleId: ruleId,
      ruleName: rule?.displayName,
      result: outcome, severity: severity(result, rule: rule, level: level),
      message: message(result, rule: rule, ruleId: ruleId),
      file: run.uris.resolve(uri: result.uri, uriBaseId: result.uriBaseId, index: result.artifactIndex),
      line: result.startLine.map(Int.init), helpURL: rule?.helpURL,
      suppressed: suppressed, input: input,
      entityRef: result.properties?[Self.entityProperty]?.stringValue ?? run.runEntity,
      repository: run.repository(result),
      fileBase: run.uris.fileBase(uri: result.uri, uriBaseId: result.uriBaseId, index: result.artifactIndex))
  }

  private func location(_ positions: JSONPositionIndex, _ valuePath: ValuePath) -> SourceLocation {
    SourceLocation(path: path, position: positions.position(of: valuePath) ?? SourcePosition(line: 1, column: 1))
  }

  /// The rule a result refers to, the id to show, and a warning when index and id disagree.
  ///
  /// The indexed rule supplies metadata; the result's own `ruleId` is what is shown (the
  /// reference's recommendation for logs such as sarif-tutorials' DefaultRuleConfiguration).
  private func lookUpRule(_ result: borrowing SARIFResultFields, in components: [SARIFToolComponent]) -> (
    SARIFRule?, String, String?
  ) {
    let reference = result.rule
    // An index into `components`, not a copy of one: this runs for every result.
    var chosen = 0
    if let extensionIndex = reference?["toolComponent"]?["index"]?.intValue, extensionIndex >= 0,
      Int(extensionIndex) + 1 < components.count
    {
      chosen = Int(extensionIndex) + 1
    } else if let name = reference?["toolComponent"]?["name"]?.stringValue,
      let named = components.firstIndex(where: { $0.name == name })
    {
      chosen = named
    }
    let id = result.ruleId ?? reference?["id"]?.stringValue
    if let index = result.ruleIndex ?? reference?["index"]?.intValue, index >= 0,
      Int(index) < components[chosen].rules.count
    {
      let rule = components[chosen].rules[Int(index)]
      let ruleId = rule.id
      guard let id else { return (rule, ruleId ?? Self.noRuleId, nil) }
      // The usual case: the rule's own copy of the id is shared by all its findings.
      if let ruleId, ruleId == id { return (rule, ruleId, nil) }
      if let ruleId, !id.hasPrefix(ruleId + "/") {
        // The id is what the tool meant (older Trivy writes stale indexes): its own rule labels
        // the finding when the run has one.
        let own = Self.rule(id: id, in: components, preferring: chosen)
        let metadata = own == nil ? "that rule's metadata" : "its own rule's metadata"
        let warning =
          "ruleId '\(id)' disagrees with ruleIndex \(index) (rule '\(ruleId)'); showing '\(id)' with \(metadata)"
        return (own ?? rule, id, warning)
      }
      return (rule, id, nil)
    }
    guard let id else { return (nil, Self.noRuleId, nil) }
    return (Self.rule(id: id, in: components, preferring: chosen), id, nil)
  }

  /// The rule id of a result that has neither a `ruleId` nor a rule with an id at its `ruleIndex`.
  package static let noRuleId = "(no rule id)"

  /// The rule with `id` in the chosen component, else in the others.
  private static func rule(id: String, in components: [SARIFToolComponent], preferring chosen: Int) -> SARIFRule? {
    if let rule = components[chosen].rule(id: id) { return rule }
    for other in components where other.name != components[chosen].name {
      if let rule = other.rule(id: id) { return rule }
    }
    return nil
  }

  /// What every reading of a log ends with: the note on `absent` results, the log's
  /// `waymark.dev/repository` for findings with no repository of their own, and one
  /// `policy.sarif-rule-mismatch` warning per disagreement (the first result's), with a count.
  package func finish(absent: Int, logRepository: RepositoryIdentity?, into file: inout ParsedGuardrailFile) {
    noteAbsent(absent, into: &file)
    if let logRepository {
      for index in file.findings.indices where file.findings[index].repository == nil {
        file.findings[index].repository = logRepository
      }
    }
    let code: DiagnosticCode = .policySARIFRuleMismatch
    guard file.diagnostics.contains(where: { $0.code == code }) else { return }
    var counts: [String: Int] = [:]
    for diagnostic in file.diagnostics where diagnostic.code == code { counts[diagnostic.message, default: 0] += 1 }
    var seen: Set<String> = []
    file.diagnostics = file.diagnostics.compactMap { diagnostic in
      guard diagnostic.code == code else { return diagnostic }
      guard seen.insert(diagnostic.message).inserted else { return nil }
      let count = counts[diagnostic.message, default: 1]
      guard count > 1 else { return diagnostic }
      var collapsed = diagnostic
      collapsed.message += " (\(count) results)"
      return collapsed
    }
  }

  /// Result level, else the rule's default level, else `warning`; not-`fail` kinds are `none`.
  private func effectiveLevel(_ result: borrowing SARIFResultFields, rule: SARIFRule?, kind: String) -> String {
    if let level = result.level { return level }
    if kind != "fail" { return "none" }
    return rule?.defaultLevel ?? "warning"
  }

  package static func outcome(kind: String, level: String) -> GuardrailOutcome {
    switch kind {
    case "pass", "informational": return .pass
    case "notApplicable": return .skip
    case "open", "review": return .warn
    default:
      switch level {
      case "error", "warning": return .fail
      default: return .warn
      }
    }
  }

  /// Suppressed when there are suppressions and none is `underReview` or `rejected`.
  package static func isSuppressed(_ result: borrowing SARIFResultFields) -> Bool {
    guard let suppressions = result.suppressions?.arrayValue, !suppressions.isEmpty else { return false }
    return !suppressions.contains { suppression in
      let status = suppression["status"]?.stringValue
      return status == "underReview" || status == "rejected"
    }
  }

  /// `security-severity` bucket, else a severity word in the result's or rule's properties,
  /// else the level (error → high, warning → medium, note → low, none → info).
  private func severity(_ result: borrowing SARIFResultFields, rule: SARIFRule?, level: String) -> GuardrailSeverity {
    // The rule's part is worked out once per rule (`SARIFRule`); a result's own properties are rare.
    if let severity = SARIFRule.scoreSeverity(in: result.properties) ?? rule?.scoreSeverity { return severity }
    if let severity = SARIFRule.wordSeverity(in: result.properties) ?? rule?.wordSeverity { return severity }
    switch level {
    case "error": return .high
    case "warning": return .medium
    case "note": return .low
    default: return .info
    }
  }

  /// `text`, else `markdown`, else the rule's message string `id` with `{n}` filled in.
  private func message(_ result: borrowing SARIFResultFields, rule: SARIFRule?, ruleId: String) -> String {
    let arguments =
      result.messageArguments?.arrayValue?.map { $0.stringValue ?? JSONWriter(pretty: false).string(for: $0) } ?? []
    if let text = result.messageText ?? result.messageMarkdown {
      return arguments.isEmpty ? text : Self.fill(text, arguments)
    }
    if let id = result.messageId, let template = rule?.value["messageStrings"]?[id] {
      if let text = template["text"]?.stringValue ?? template["markdown"]?.stringValue {
        return Self.fill(text, arguments)
      }
    }
    return rule?.fallbackMessage ?? ruleId
  }

  /// Substitutes `{n}` placeholders; `{{` and `}}` are literal braces (SARIF §3.11.5).
  package static func fill(_ template: String, _ arguments: [String]) -> String {
    var out = ""
    var characters = template[...]
    while let character = characters.first {
      characters = characters.dropFirst()
      if character == "{", characters.first == "{" {
        out.append("{")
        characters = characters.dropFirst()
      } else if character == "}", characters.first == "}" {
        out.append("}")
        characters = characters.dropFirst()
      } else if character == "{", let close = characters.firstIndex(of: "}"),
        let number = Int(characters[..<close]), number >= 0, number < arguments.count
      {
        out += arguments[number]
        characters = characters[characters.index(after: close)...]
      } else {
        out.append(character)
      }
    }
    return out
  }
}

import CEL
import WaymarkModel

/// Checks what policies mean against the catalog and compiles every CEL expression once.
///
/// Undefined levels, duplicate ids, references to missing entities and CEL that does not
/// compile are located diagnostics; CEL errors point at the exact column inside the YAML.
public struct ScorecardCompiler: Sendable {
  /// The names every policy expression may read.
  public static let bindingNames: Set<String> = ["entity", "relations", "owner", "docs", "dora", "policy", "scorecards", "now"]

  /// The evaluation budget for one expression.
  public var options: CELOptions

  /// Creates a compiler.
  public init(options: CELOptions = CELOptions(maxSteps: 100_000, maxComprehensionIterations: 100_000)) {
    var options = options
    options.declaredVariables = Self.bindingNames
    self.options = options
  }

  /// Compiles `policies` against `catalog`; scorecards or waivers with errors are left out.
  public func compile(_ policies: PolicySet, catalog: Catalog, now: Timestamp) -> ([CompiledScorecard], [CompiledWaiver], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var compiled: [CompiledScorecard] = []
    var seen: [String: SourceLocation] = [:]
    for scorecard in policies.scorecards {
      if let first = seen[scorecard.name] {
        diagnostics.append(
          .error(
            .policyDuplicate, "scorecard '\(scorecard.name)' is defined more than once", at: scorecard.source,
            notes: [DiagnosticNote("first defined here", at: first)]))
        continue
      }
      seen[scorecard.name] = scorecard.source
      if let result = compile(scorecard, catalog: catalog, into: &diagnostics) { compiled.append(result) }
    }
    let byName = Dictionary(uniqueKeysWithValues: compiled.map { ($0.scorecard.name, $0) })
    let membership = catalog.groupHierarchy
    let waivers = policies.waivers.compactMap { waiver in
      compile(waiver, scorecards: byName, catalog: catalog, membership: membership, now: now, into: &diagnostics)
    }
    return (compiled, waivers, diagnostics)
  }

  package func program(
    _ expression: PolicyExpression?, _ what: String, declarations: [String: CELDeclaredType]? = nil,
    into diagnostics: inout [Diagnostic]
  ) -> (CELProgram?, Bool) {
    guard let expression else { return (nil, true) }
    do {
      let program = try CELProgram(source: expression.source, options: options)
      if let declarations { typeCheck(expression, what, declarations: declarations, into: &diagnostics) }
      return (program, true)
    } catch {
      diagnostics.append(
        .error(
          .policyBadCEL, "\(what): \(error.message)", at: expression.location(line: error.line, column: error.column),
          notes: [DiagnosticNote(Self.caret(under: expression.source, line: error.line, column: error.column))]))
      return (nil, false)
    }
  }

  /// The offending CEL line with a caret under the column, for the diagnostic's note.
  /// Lines longer than 120 characters are cut to 60 before the column and 40 after, with `…`,
  /// so a hostile 20,000-character expression gives a short note.
  package static func caret(under source: String, line: Int, column: Int) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var text = line >= 1 && line <= lines.count ? String(lines[line - 1]) : source
    var offset = max(0, column - 1)
    if text.count > 120 {
      let characters = Array(text)
      let start = max(0, min(offset, characters.count) - 60)
      let end = min(characters.count, offset + 40)
      text = (start > 0 ? "…" : "") + String(characters[start..<max(start, end)]) + (end < characters.count ? "…" : "")
      offset = offset - start + (start > 0 ? 1 : 0)
    }
    return "\(text)\n    " + String(repeating: " ", count: offset) + "^"
  }

  private func compile(_ scorecard: Scorecard, catalog: Catalog, into diagnostics: inout [Diagnostic]) -> CompiledScorecard? {
    var valid = true
    func fail(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil) {
      diagnostics.append(.error(code, message, at: location ?? scorecard.source))
      valid = false
    }
    if Set(scorecard.levels).count != scorecard.levels.count { fail(.policyDuplicateLevel, "scorecard '\(scorecard.name)' repeats a level") }
    // A missing owner or approver group is an error, but the checks can still be evaluated.
    for ref in [scorecard.owner].compactMap({ $0 }) + scorecard.waiverApprovers where catalog[ref] == nil {
      diagnostics.append(
        .error(.policyDanglingRef, "scorecard '\(scorecard.name)' names '\(ref)', which does not exist in the catalog", at: scorecard.source))
    }
    let types = PolicyDeclarations(catalog: catalog)
    let everything = types.declarations(kinds: nil)
    let applicable = types.declarations(kinds: PolicyDeclarations.kinds(in: scorecard.appliesTo?.source))
    let (appliesTo, appliesOK) = program(scorecard.appliesTo, "appliesTo", declarations: everything, into: &diagnostics)
    valid = valid && appliesOK
    var ids = Set<String>()
    var checks: [CompiledScorecard.CompiledCheck] = []
    for check in scorecard.checks {
      if !ids.insert(check.id).inserted { fail(.policyDuplicateCheck, "check id '\(check.id)' is used twice", at: check.expression.location) }
      switch (check.level, scorecard.levels.isEmpty) {
      case (nil, false):
        fail(.policyMissingLevel, "check '\(check.id)' needs a level (one of \(scorecard.levels.joined(separator: ", ")))", at: check.expression.location)
      case (let level?, _) where scorecard.rank(of: level) == nil:
        fail(.policyUnknownLevel, "check '\(check.id)' has level '\(level)', which the scorecard does not define", at: check.expression.location)
      default: break
      }
      let (expression, expressionOK) = program(
        check.expression, "check '\(check.id)'", declarations: applicable, into: &diagnostics)
      let (applies, applicableOK) = program(
        check.applicable, "check '\(check.id)' applicable", declarations: applicable, into: &diagnostics)
      valid = valid && expressionOK && applicableOK
      if let expression { checks.append(.init(check: check, expression: expression, applicable: applies)) }
    }
    var gateFilters: [CELProgram?] = []
    for floor in scorecard.gate.minimumLevels {
      if scorecard.rank(of: floor.level) == nil {
        fail(.policyUnknownLevel, "gate level '\(floor.level)' is not a level of scorecard '\(scorecard.name)'", at: floor.location)
      }
      let (filter, filterOK) = program(floor.filter, "gate filter", declarations: applicable, into: &diagnostics)
      valid = valid && filterOK
      gateFilters.append(filter)
    }
    guard valid else { return nil }
    return CompiledScorecard(scorecard: scorecard, appliesTo: appliesTo, checks: checks, gateFilters: gateFilters)
  }

  private func compile(
    _ waiver: Waiver, scorecards: [String: CompiledScorecard], catalog: Catalog, membership: GroupHierarchy, now: Timestamp,
    into diagnostics: inout [Diagnostic]
  ) -> CompiledWaiver? {
    guard let scorecard = scorecards[waiver.scorecard] else {
      diagnostics.append(.error(.policyUnknownScorecard, "waiver '\(waiver.name)' names scorecard '\(waiver.scorecard)', which does not exist", at: waiver.source))
      return nil
    }
    guard scorecard.scorecard.checks.contains(where: { $0.id == waiver.check }) else {
      diagnostics.append(
        .error(.policyUnknownCheck, "waiver '\(waiver.name)' names check '\(waiver.check)', which scorecard '\(waiver.scorecard)' does not have", at: waiver.source))
      return nil
    }
    var status = WaiverStatus.active
    for ref in waiver.entities where catalog[ref] == nil {
      diagnostics.append(.error(.policyDanglingRef, "waiver '\(waiver.name)' names '\(ref)', which does not exist in the catalog", at: waiver.source))
      status = .invalid
    }
    let (filter, filterOK) = program(waiver.filter, "waiver entities", into: &diagnostics)
    if !filterOK { status = .invalid }
    if catalog[waiver.approvedBy] == nil {
      diagnostics.append(.error(.policyDanglingRef, "waiver '\(waiver.name)' is approved by '\(waiver.approvedBy)', who does not exist", at: waiver.source))
      status = .invalid
    } else if status == .active, !scorecard.scorecard.waiverApprovers.contains(where: { membership.isMember(waiver.approvedBy, ofGroupOrDescendants: $0) }) {
      let groups = scorecard.scorecard.waiverApprovers.map(\.canonical).joined(separator: ", ")
      diagnostics.append(
        .error(
          .policyUnauthorizedWaiver,
          "waiver '\(waiver.name)' is approved by '\(waiver.approvedBy)', who is not a member of an approver group of '\(waiver.scorecard)' (\(groups.isEmpty ? "none named" : groups))",
          at: waiver.source))
      status = .unauthorized
    }
    if status == .active, waiver.expires <= now {
      diagnostics.append(.warning(.policyExpiredWaiver, "waiver '\(waiver.name)' expired on \(waiver.expiresDate) and no longer applies", at: waiver.source))
      status = .expired
    }
    return CompiledWaiver(waiver: waiver, status: status, filter: filter)
  }
}

import CEL
import WaymarkModel

/// Checks what policies mean against the catalog and compiles every CEL expression once.
///
/// Undefined levels, duplicate ids, references to missing entities and CEL that does not
/// compile are located diagnostics; CEL errors point at the exact column inside the YAML.
public struct ScorecardCompiler: Sendable {
  /// The names every policy expression may read.
  public static let bindingNames: Set<String> = [
    "entity", "relations", "owner", "docs", "dora", "policy", "scorecards", "now",
  ]

  /// The evaluation budget for one expression.
  public var options: CELOptions
  /// The `catalog:` settings: which references name entities provided outside the repository,
  /// and how serious a reference to a missing one is.
  public var catalogSettings: CatalogSettings

  /// Creates a compiler.
  public init(
    options: CELOptions = CELOptions(maxSteps: 100_000, maxComprehensionIterations: 100_000),
    catalogSettings: CatalogSettings = CatalogSettings()
  ) {
    var options = options
    options.declaredVariables = Self.bindingNames
    self.options = options
    self.catalogSettings = catalogSettings
  }

  /// Compiles `policies` against `catalog`; scorecards or waivers with errors are left out.
  public func compile(_ policies: PolicySet, catalog: Catalog, now: Timestamp) -> (
    [CompiledScorecard], [CompiledWaiver], [Diagnostic]
  ) {
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

  private func compile(_ scorecard: Scorecard, catalog: Catalog, into diagnostics: inout [Diagnostic])
    -> CompiledScorecard?
  {
    var valid = true
    func fail(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil) {
      diagnostics.append(.error(code, message, at: location ?? scorecard.source))
      valid = false
    }
    if Set(scorecard.levels).count != scorecard.levels.count {
      fail(.policyDuplicateLevel, "scorecard '\(scorecard.name)' repeats a level")
    }
    // A missing owner or approver group is an error, but the checks can still be evaluated.
    for ref in [scorecard.owner].compactMap({ $0 }) + scorecard.waiverApprovers
    where catalogSettings.resolve(ref, in: catalog) == .missing {
      diagnostics.append(
        Diagnostic(
          catalogSettings.danglingRefs, code: .policyDanglingRef,
          message: "scorecard '\(scorecard.name)' names '\(ref)', which does not exist in the catalog",
          location: scorecard.source))
    }
    let types = PolicyDeclarations(catalog: catalog)
    let everything = types.declarations(kinds: nil)
    let applicable = types.declarations(kinds: PolicyDeclarations.kinds(in: scorecard.appliesTo?.source))
    let (appliesTo, appliesOK) = program(scorecard.appliesTo, "appliesTo", declarations: everything, into: &diagnostics)
    valid = valid && appliesOK
    var ids = Set<String>()
    var checks: [CompiledScorecard.CompiledCheck] = []
    for check in scorecard.checks {
      if !ids.insert(check.id).inserted {
        fail(.policyDuplicateCheck, "check id '\(check.id)' is used twice", at: check.expression.location)
      }
      switch (check.level, scorecard.levels.isEmpty) {
      case (nil, false):
        fail(
          .policyMissingLevel, "check '\(check.id)' needs a level (one of \(scorecard.levels.joined(separator: ", ")))",
          at: check.expression.location)
      case (let level?, _) where scorecard.rank(of: level) == nil:
        fail(
          .policyUnknownLevel, "check '\(check.id)' has level '\(level)', which the scorecard does not define",
          at: check.expression.location)
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
        fail(
          .policyUnknownLevel, "gate level '\(floor.level)' is not a level of scorecard '\(scorecard.name)'",
          at: floor.location)
      }
      let (filter, filterOK) = program(floor.filter, "gate filter", declarations: applicable, into: &diagnostics)
      valid = valid && filterOK
      gateFilters.append(filter)
    }
    guard valid else { return nil }
    return CompiledScorecard(scorecard: scorecard, appliesTo: appliesTo, checks: checks, gateFilters: gateFilters)
  }

  private func compile(
    _ waiver: Waiver, scorecards: [String: CompiledScorecard], catalog: Catalog, membership: GroupHierarchy,
    now: Timestamp,
    into diagnostics: inout [Diagnostic]
  ) -> CompiledWaiver? {
    guard let scorecard = scorecards[waiver.scorecard] else {
      diagnostics.append(
        .error(
          .policyUnknownScorecard,
          "waiver '\(waiver.name)' names scorecard '\(waiver.scorecard)', which does not exist", at: waiver.source))
      return nil
    }
    guard scorecard.scorecard.checks.contains(where: { $0.id == waiver.check }) else {
      diagnostics.append(
        .error(
          .policyUnknownCheck,
          "waiver '\(waiver.name)' names check '\(waiver.check)', which scorecard '\(waiver.scorecard)' does not have",
          at: waiver.source))
      return nil
    }
    var status = WaiverStatus.active
    // A waived entity that no longer exists waives nothing: the same problem as a dangling
    // catalog reference, as serious as `catalog.danglingRefs` says.
    for ref in waiver.entities where catalogSettings.resolve(ref, in: catalog) == .missing {
      diagnostics.append(
        Diagnostic(
          catalogSettings.danglingRefs, code: .policyDanglingRef,
          message: "waiver '\(waiver.name)' names '\(ref)', which does not exist in the catalog",
          location: waiver.source))
      if catalogSettings.danglingRefs == .error { status = .invalid }
    }
    let (filter, filterOK) = program(waiver.filter, "waiver entities", into: &diagnostics)
    if !filterOK { status = .invalid }
    if status == .active {
      status = approval(
        of: waiver, by: scorecard.scorecard, catalog: catalog, membership: membership, into: &diagnostics)
    } else if catalogSettings.resolve(waiver.approvedBy, in: catalog) == .missing {
      diagnostics.append(unknownApprover(waiver))
    }
    if status == .active, waiver.expires <= now {
      diagnostics.append(
        .warning(
          .policyExpiredWaiver, "waiver '\(waiver.name)' expired on \(waiver.expiresDate) and no longer applies",
          at: waiver.source))
      status = .expired
    }
    return CompiledWaiver(waiver: waiver, status: status, filter: filter)
  }

  /// Whether `waiver`'s approver may approve it: a member of an approver group or of a group
  /// below one, counting members provided outside the repository that groups here list. An
  /// approver who does not exist is always an error, whatever `catalog.danglingRefs` says: the
  /// approval is what a waiver rests on. An external approver outside every approver group
  /// written here, when an approver group is itself external, cannot be checked offline (the
  /// org provider knows its members): the waiver applies, with a note saying so.
  private func approval(
    of waiver: Waiver, by scorecard: Scorecard, catalog: Catalog, membership: GroupHierarchy,
    into diagnostics: inout [Diagnostic]
  ) -> WaiverStatus {
    let approver = catalogSettings.resolve(waiver.approvedBy, in: catalog)
    if approver == .missing {
      diagnostics.append(unknownApprover(waiver))
      return .invalid
    }
    let groups = scorecard.waiverApprovers
    if groups.contains(where: { membership.isMember(waiver.approvedBy, ofGroupOrDescendants: $0) }) { return .active }
    let externalGroups = groups.filter { group in
      if case .external = catalogSettings.resolve(group, in: catalog) { return true }
      return false
    }
    if approver != .entity, !externalGroups.isEmpty {
      let names = externalGroups.map(\.canonical).joined(separator: ", ")
      diagnostics.append(
        Diagnostic(
          .note, code: .policyUnverifiedApprover,
          message: "waiver '\(waiver.name)' is approved by '\(waiver.approvedBy)', provided outside the repository "
            + "like approver group \(names); membership is not known here, so the approval is accepted as written",
          location: waiver.source))
      return .active
    }
    let names = groups.map(\.canonical).joined(separator: ", ")
    diagnostics.append(
      .error(
        .policyUnauthorizedWaiver,
        "waiver '\(waiver.name)' is approved by '\(waiver.approvedBy)', who is not a member of an approver group "
          + "of '\(waiver.scorecard)' (\(names.isEmpty ? "none named" : names))",
        at: waiver.source))
    return .unauthorized
  }

  private func unknownApprover(_ waiver: Waiver) -> Diagnostic {
    .error(
      .policyDanglingRef, "waiver '\(waiver.name)' is approved by '\(waiver.approvedBy)', who does not exist",
      at: waiver.source)
  }
}

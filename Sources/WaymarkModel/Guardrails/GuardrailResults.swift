import StructuredData

/// One results file that was ingested: where, which format and tool, how many results it held.
public struct GuardrailInputSummary: Sendable, Hashable {
  /// The file, relative to the site root.
  public var path: String
  /// `sarif`, `policyreport`, `checkov`, `conftest` or `opa`.
  public var format: String
  /// The tools named in the file, comma-separated in order of appearance.
  public var tool: String
  /// How many results it held (passes counted one by one).
  public var results: Int

  /// Creates a summary.
  public init(path: String, format: String, tool: String, results: Int) {
    self.path = path
    self.format = format
    self.tool = tool
    self.results = results
  }
}

/// Every policy finding of the build, attached to entities, with a roll-up per entity.
///
/// `fact(for:)` is the `policy` fact scorecards read; an entity with no result has no fact
/// (`null`), which scorecards must treat as *unknown*, never as passing.
public struct GuardrailResults: Sendable, Hashable {
  /// Each entity's findings (passes included), de-duplicated across inputs and sorted.
  public let findingsByEntity: [EntityRef: [GuardrailFinding]]
  /// Findings that no mapping strategy attached to an entity, sorted.
  public let unmapped: [GuardrailFinding]
  /// The files read, sorted by path.
  public let inputs: [GuardrailInputSummary]

  /// No results at all.
  public static let empty = GuardrailResults(mapped: [], unmapped: [], inputs: [])

  /// Groups mapped findings by entity.
  ///
  /// The same check reported by several inputs (checkov's JSON and SARIF of one run) counts
  /// once: per (tool, rule, file, line, result) the input reporting it most often is kept.
  public init(mapped: [(EntityRef, GuardrailFinding)], unmapped: [GuardrailFinding], inputs: [GuardrailInputSummary]) {
    var grouped: [EntityRef: [GuardrailFinding]] = [:]
    for (ref, finding) in mapped { grouped[ref, default: []].append(finding) }
    self.init(grouped: grouped, unmapped: unmapped, inputs: inputs)
  }

  /// Findings already grouped by entity (the mapper's output), de-duplicated and sorted here, in
  /// place (the findings are moved, not copied).
  ///
  /// The mapper hands findings over in input order (files by path, each in file order), which is
  /// usually the sorted order already: a list is sorted only when it is not, and de-duplicated
  /// only when more than one input reported into it.
  /// `deduplicated`: the mapper already kept each check once across inputs.
  package init(
    grouped: consuming [EntityRef: [GuardrailFinding]], unmapped: consuming [GuardrailFinding],
    inputs: [GuardrailInputSummary], deduplicated: Bool = false
  ) {
    var grouped = consume grouped
    for ref in Array(grouped.keys) {
      if !deduplicated, Self.hasSeveralInputs(grouped[ref, default: []]) {
        Self.deduplicate(&grouped[ref, default: []])
      }
      Self.sortByPrecedes(&grouped[ref, default: []])
    }
    var unmapped = consume unmapped
    Self.sortByPrecedes(&unmapped)
    self.findingsByEntity = grouped
    self.unmapped = unmapped
    self.inputs = inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Puts `findings` in `GuardrailFinding.precedes` order; a list already in order is left as it is.
  package static func sortByPrecedes(_ findings: inout [GuardrailFinding]) {
    // Through the buffer, so checking the order borrows each finding instead of copying it.
    let inOrder = findings.withUnsafeBufferPointer { buffer in
      for index in buffer.indices.dropFirst() where GuardrailFinding.precedes(buffer[index], buffer[index - 1]) {
        return false
      }
      return true
    }
    if !inOrder { findings.sort(by: GuardrailFinding.precedes) }
  }

  /// Whether the findings were read from more than one input file (only then can two of them be
  /// the same check reported twice).
  package static func hasSeveralInputs(_ findings: [GuardrailFinding]) -> Bool {
    guard let first = findings.first?.input.path else { return false }
    return findings.contains { $0.input.path != first }
  }

  /// The entities with at least one result, sorted.
  public var entityRefs: [EntityRef] { findingsByEntity.keys.sorted() }

  /// The `policy` fact for `ref` (the P shape), or `null` when the entity has no result:
  /// unknown, not pass.
  public func fact(for ref: EntityRef) -> JSONValue {
    guard let findings = findingsByEntity[ref], !findings.isEmpty else { return .null }
    return Self.rollUp(findings)
  }

  /// `fact(for:)` less its `findings` (see `counts(_:)`), or `null` when the entity has no result.
  public func counts(for ref: EntityRef) -> JSONValue {
    guard let findings = findingsByEntity[ref], !findings.isEmpty else { return .null }
    return Self.counts(findings)
  }

  /// Where the unmapped findings are listed, the only file that holds them.
  public static let unmappedFile = "api/policy-results-unmapped.json"

  /// The whole `api/policy-results.json` document. `unmapped` keeps every unmapped finding (a
  /// contract readers rely on); `unmappedFile` and the counts point at the file that lists them alone.
  public var value: JSONValue {
    var entities: [String: JSONValue] = [:]
    for (ref, findings) in findingsByEntity where !findings.isEmpty { entities[ref.canonical] = Self.rollUp(findings) }
    return [
      "entities": .object(entities),
      "unmapped": .array(unmapped.map(\.value)),
      "unmappedFile": .string(Self.unmappedFile),
      "unmappedCount": .int(Int64(unmapped.count)),
      "unmappedOpen": .int(Int64(unmapped.filter(\.isOpen).count)),
      "inputs": .array(
        inputs.map { input in
          [
            "path": .string(input.path), "format": .string(input.format), "tool": .string(input.tool),
            "results": .int(Int64(input.results)),
          ]
        }),
    ]
  }

  /// P: counts by result, open findings by severity, each rule's worst result, and the findings
  /// other than passes (passes are only counted).
  package static func rollUp(_ findings: [GuardrailFinding]) -> JSONValue {
    guard case .object(var rolledUp) = counts(findings) else { return .null }
    rolledUp["findings"] = .array(findings.filter { $0.result != .pass }.map(\.value))
    return .object(rolledUp)
  }

  /// `rollUp` less its `findings`: the counts by result, by severity and by rule, for readers
  /// that show only those (a finding's value is the costly part).
  package static func counts(_ findings: [GuardrailFinding]) -> JSONValue {
    var results = Dictionary(uniqueKeysWithValues: GuardrailOutcome.allCases.map { ($0.rawValue, Int64(0)) })
    var bySeverity = Dictionary(uniqueKeysWithValues: GuardrailSeverity.allCases.map { ($0.rawValue, Int64(0)) })
    var rules: [String: (result: GuardrailOutcome, severity: GuardrailSeverity, count: Int)] = [:]
    for finding in findings {
      results[finding.result.rawValue, default: 0] += Int64(finding.count)
      if finding.isOpen { bySeverity[finding.severity.rawValue, default: 0] += Int64(finding.count) }
      guard !finding.ruleId.isEmpty else { continue }
      if let rule = rules[finding.ruleId] {
        rules[finding.ruleId] = (
          max(rule.result, finding.result), max(rule.severity, finding.severity), rule.count + finding.count
        )
      } else {
        rules[finding.ruleId] = (finding.result, finding.severity, finding.count)
      }
    }
    return [
      "results": .object(results.mapValues(JSONValue.int)),
      "bySeverity": .object(bySeverity.mapValues(JSONValue.int)),
      "rules": .object(
        rules.mapValues { rule in
          [
            "result": .string(rule.result.rawValue), "severity": .string(rule.severity.rawValue),
            "count": .int(Int64(rule.count)),
          ]
        }),
    ]
  }

  /// Keeps, per check identity, the findings of the one input that reported it most often (on a
  /// tie, the input whose path sorts first), in the order they were in.
  package static func deduplicate(_ findings: inout [GuardrailFinding]) {
    // Each check and each input is numbered once, so the counting hashes pairs of numbers.
    var checkNumbers: [CheckKey: Int] = [:]
    var inputNumbers: [String: Int] = [:]
    var inputPaths: [String] = []
    var checkOf: [Int] = []
    var inputOf: [Int] = []
    checkOf.reserveCapacity(findings.count)
    inputOf.reserveCapacity(findings.count)
    var reported: [CheckInput: Int] = [:]
    // Sized for the worst case (every finding its own check), so nothing is rehashed on growth.
    checkNumbers.reserveCapacity(findings.count)
    reported.reserveCapacity(findings.count)
    for finding in findings {
      let nextCheck = checkNumbers.count
      // Read through the defaulted subscript's modify accessor: one lookup, inserting when new.
      let check = { (number: inout Int) in number }(&checkNumbers[CheckKey(finding), default: nextCheck])
      let path = finding.input.path
      let input: Int
      if let last = inputOf.last, inputPaths[last] == path {
        input = last
      } else if let known = inputNumbers[path] {
        input = known
      } else {
        input = inputPaths.count
        inputNumbers[path] = input
        inputPaths.append(path)
      }
      checkOf.append(check)
      inputOf.append(input)
      reported[CheckInput(check: check, input: input), default: 0] += finding.count
    }
    var bestInput = [Int](repeating: -1, count: checkNumbers.count)
    var bestCount = [Int](repeating: 0, count: checkNumbers.count)
    for (pair, count) in reported {
      let best = bestInput[pair.check]
      if best < 0 || count > bestCount[pair.check]
        || (count == bestCount[pair.check]
          && inputPaths[pair.input].utf8.lexicographicallyPrecedes(inputPaths[best].utf8))
      {
        bestInput[pair.check] = pair.input
        bestCount[pair.check] = count
      }
    }
    // Moved from the back into the kept list, which is then turned around.
    var kept: [GuardrailFinding] = []
    var index = findings.count
    while let finding = findings.popLast() {
      index -= 1
      if bestInput[checkOf[index]] == inputOf[index] { kept.append(finding) }
    }
    kept.withUnsafeMutableBufferPointer { $0.reverse() }
    findings = kept
  }

  /// A check and an input, by number.
  package struct CheckInput: Hashable {
    package var check: Int
    package var input: Int
  }

  /// What makes two findings from different inputs the same check.
  package struct CheckKey: Hashable {
    package var tool: String
    package var ruleId: String
    package var file: String?
    package var line: Int?
    package var result: GuardrailOutcome

    package init(_ finding: GuardrailFinding) {
      tool = finding.tool.lowercased()
      ruleId = finding.ruleId
      file = finding.file
      line = finding.line
      result = finding.result
    }
  }
}

extension GuardrailFinding {
  /// Whether the finding is an open problem: a failure or warning that is not suppressed.
  public var isOpen: Bool { (result == .fail || result == .warn) && !suppressed }
}

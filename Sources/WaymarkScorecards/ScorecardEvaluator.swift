import CEL
import StructuredData
import WaymarkModel

/// Evaluates compiled scorecards over the catalog: results per (entity, check), levels, scores.
///
/// Entities are evaluated in parallel chunks; each child returns its results and the parent
/// sorts them by entity reference. Scorecards that read `scorecards` (other scorecards' levels)
/// run after those that do not, and see their levels.
public struct ScorecardEvaluator: Sendable {
  /// The catalog.
  public let catalog: Catalog
  /// Facts from other stages.
  public let facts: EntityFacts
  /// The build's "now".
  public let now: Timestamp

  /// Creates an evaluator.
  public init(catalog: Catalog, facts: EntityFacts, now: Timestamp) {
    self.catalog = catalog
    self.facts = facts
    self.now = now
  }

  /// Evaluates every scorecard; reports are sorted by scorecard name.
  public func evaluate(_ scorecards: [CompiledScorecard], waivers: [CompiledWaiver]) async -> [ScorecardReport] {
    await evaluate(scorecards, waivers: waivers, memo: nil).reports
  }

  /// What one scorecard made of one entity.
  package enum Verdict: Sendable, Hashable {
    /// `appliesTo` is false.
    case skipped
    /// `appliesTo` gave an error or a non-bool: the entity is not scored, and the build says so.
    case failed(String)
    case scored(EntityScore)
  }

  /// The scorecards in the order they run: those that do not read `scorecards` first, as the
  /// others see their levels.
  package static func runOrder(_ scorecards: [CompiledScorecard]) -> [CompiledScorecard] {
    scorecards.filter { !$0.readsScorecards } + scorecards.filter(\.readsScorecards)
  }

  /// Every scorecard's verdict on `entity`, in `runOrder`.
  package func verdicts(for entity: Entity, order: [CompiledScorecard], active: [CompiledWaiver]) -> [Verdict] {
    var bindings = bindings(for: entity)
    var levels: [String: CELValue] = [:]
    var verdicts: [Verdict] = []
    var levelsBound = false
    for scorecard in order {
      if scorecard.readsScorecards, !levelsBound {
        bindings["scorecards"] = .map(CELMap(levels))
        levelsBound = true
      }
      switch applicability(of: scorecard, bindings: bindings) {
      case .skipped: verdicts.append(.skipped)
      case .failed(let message): verdicts.append(.failed(message))
      case .applies:
        let score = score(entity, with: scorecard, bindings: bindings, waivers: active)
        if !scorecard.readsScorecards { levels[scorecard.scorecard.name] = Self.levelValue(score) }
        verdicts.append(.scored(score))
      }
    }
    return verdicts
  }

  /// `evaluate(_:waivers:)`, taking each entity's verdicts from `memo` when it holds them; also
  /// returns the memo entries of every entity, for the next build.
  package func evaluate(
    _ scorecards: [CompiledScorecard], waivers: [CompiledWaiver], memo: ScorecardMemo?
  ) async -> (reports: [ScorecardReport], entries: [MemoKey: [UInt8]]) {
    let order = Self.runOrder(scorecards)
    let active = waivers.filter { $0.status == .active }
    let entities = catalog.entities
    let chunkSize = max(64, entities.count / 16 + 1)
    let evaluator = self
    let memo = memo?.withOwnerKeys(catalog: catalog)
    // Per scorecard: the results, and the entities whose `appliesTo` failed (not scored).
    typealias ChunkResult = (
      scores: [String: [EntityScore]], failures: [String: [EntityRef: String]], entries: [MemoKey: [UInt8]]
    )
    let perChunk = await withTaskGroup(of: ChunkResult.self) { group in
      for start in stride(from: 0, to: entities.count, by: chunkSize) {
        let chunk = Array(entities[start..<min(entities.count, start + chunkSize)])
        group.addTask {
          var chunkResult: ChunkResult = ([:], [:], [:])
          for entity in chunk {
            let verdicts: [Verdict]
            if let memo {
              let (found, key, entry) = memo.verdicts(for: entity, evaluator: evaluator, order: order, active: active)
              verdicts = found
              if let entry { chunkResult.entries[key] = entry }
            } else {
              verdicts = evaluator.verdicts(for: entity, order: order, active: active)
            }
            for (scorecard, verdict) in zip(order, verdicts) {
              switch verdict {
              case .skipped: break
              case .failed(let message):
                chunkResult.failures[scorecard.scorecard.name, default: [:]][entity.ref] = message
              case .scored(let score): chunkResult.scores[scorecard.scorecard.name, default: []].append(score)
              }
            }
          }
          return chunkResult
        }
      }
      var merged: ChunkResult = ([:], [:], [:])
      for await chunk in group {
        for (name, scores) in chunk.scores { merged.scores[name, default: []] += scores }
        for (name, failures) in chunk.failures {
          merged.failures[name, default: [:]].merge(failures) { first, _ in first }
        }
        merged.entries.merge(chunk.entries) { first, _ in first }
      }
      return merged
    }
    let reports = scorecards.map { compiled in
      let name = compiled.scorecard.name
      return ScorecardReport(
        scorecard: compiled.scorecard, results: (perChunk.scores[name] ?? []).sorted { $0.entity < $1.entity },
        appliesToFailures: perChunk.failures[name] ?? [:])
    }.sorted { $0.scorecard.name < $1.scorecard.name }
    return (reports, perChunk.entries)
  }

  /// Whether a scorecard applies to the entity whose bindings these are.
  package enum Applicability: Equatable {
    case applies, skipped
    /// `appliesTo` gave an error or a non-bool: the entity is not scored, and the build says so.
    case failed(String)
  }

  package func applicability(of compiled: CompiledScorecard, bindings: [String: CELValue]) -> Applicability {
    guard let appliesTo = compiled.appliesTo else { return .applies }
    switch appliesTo.evaluate(bindings) {
    case .bool(true): return .applies
    case .bool(false): return .skipped
    case .error(let error): return .failed(error.message)
    case let other: return .failed("gave \(other.celType), not a bool")
    }
  }

  package static func levelValue(_ score: EntityScore) -> CELValue {
    .map(
      CELMap(["level": score.level.map(CELValue.string) ?? .null, "score": score.score.map(CELValue.double) ?? .null]))
  }

  /// The CEL bindings every expression sees for `entity`. `relations` holds, as in Backstage,
  /// targets provided outside the repository too (`catalog.external`); `owner` is an entity
  /// written here, or null.
  package func bindings(for entity: Entity) -> [String: CELValue] {
    var relations: [String: [JSONValue]] = [:]
    for relation in (entity.relations + entity.externalRelations).sorted() {
      relations[relation.type, default: []].append(.string(relation.target.canonical))
    }
    let owner = entity.targets(of: "ownedBy").first.flatMap { catalog[$0] }.map { Self.document(of: $0) } ?? .null
    return [
      "entity": CELValue(Self.document(of: entity)),
      "relations": CELValue(.object(relations.mapValues(JSONValue.array))),
      "owner": CELValue(owner),
      "docs": CELValue(facts.value("docs", for: entity.ref)),
      "dora": CELValue(facts.value("dora", for: entity.ref)),
      "policy": CELValue(facts.value("policy", for: entity.ref)),
      "scorecards": .map(CELMap()),
      "now": Self.timestamp(now),
    ]
  }

  /// The entity as policies see it: Backstage's envelope defaults filled in (see `EntityEnvelope`).
  package static func document(of entity: Entity) -> JSONValue { EntityEnvelope.document(of: entity) }

  package static func timestamp(_ time: Timestamp) -> CELValue {
    let milliseconds = time.millisecondsSinceEpoch
    let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    let nanos = Int32((milliseconds - seconds * 1000) * 1_000_000)
    return CELTimestamp(seconds: seconds, nanos: nanos).map(CELValue.timestamp) ?? .null
  }

  /// One scorecard's verdict on an entity it applies to (see `applicability(of:bindings:)`).
  package func score(
    _ entity: Entity, with compiled: CompiledScorecard, bindings: [String: CELValue], waivers: [CompiledWaiver]
  ) -> EntityScore {
    let scorecard = compiled.scorecard
    var checks: [CheckResult] = []
    for compiledCheck in compiled.checks {
      var result = outcome(of: compiledCheck, bindings: bindings)
      if result.outcome == .fail || result.outcome == .error,
        let waiver = waivers.first(where: {
          $0.covers(entity.ref, check: compiledCheck.check.id, scorecard: scorecard.name, bindings: bindings)
        })
      {
        result = CheckResult(id: result.id, outcome: .waived, message: waiver.waiver.reason, waiver: waiver.waiver.name)
      }
      checks.append(result)
    }
    return EntityScore(
      entity: entity.ref, level: level(of: scorecard, checks: checks), score: Self.score(scorecard, checks),
      checks: checks,
      inputs: inputs(of: entity, reading: compiled.readNames))
  }

  private func outcome(of compiled: CompiledScorecard.CompiledCheck, bindings: [String: CELValue]) -> CheckResult {
    let id = compiled.check.id
    if let applicable = compiled.applicable {
      switch applicable.evaluate(bindings) {
      case .bool(true): break
      case .bool(false): return CheckResult(id: id, outcome: .notApplicable)
      case .error(let error):
        return CheckResult(
          id: id, outcome: .error, message: "applicable: \(error.message)",
          budgetStop: error.isBudgetExhaustion ? .init(inApplicable: true, reason: error.message) : nil,
          fromApplicable: true)
      case let other:
        return CheckResult(
          id: id, outcome: .error, message: "applicable gave \(other.celType), not a bool", fromApplicable: true)
      }
    }
    switch compiled.expression.evaluate(bindings) {
    case .bool(true): return CheckResult(id: id, outcome: .pass)
    case .bool(false): return CheckResult(id: id, outcome: .fail, message: compiled.check.remediation)
    case .error(let error):
      return CheckResult(
        id: id, outcome: .error, message: error.message,
        budgetStop: error.isBudgetExhaustion ? .init(inApplicable: false, reason: error.message) : nil)
    case let other: return CheckResult(id: id, outcome: .error, message: "expression gave \(other.celType), not a bool")
    }
  }

  /// The inputs behind the facts a scorecard reads, for the result's "why".
  package func inputs(of entity: Entity, reading names: Set<String>) -> JSONValue {
    var inputs: [String: JSONValue] = [
      "entity": ["path": .string(entity.source.path), "line": .int(Int64(entity.source.line))]
    ]
    for name in ["docs", "dora", "policy"] where names.contains(name) {
      inputs[name] = facts.provenance[entity.ref]?[name] ?? .null
    }
    if names.contains("now") { inputs["now"] = .string(now.description) }
    return .object(inputs)
  }

  /// The highest level whose checks, and those of every lower level, all pass, are waived or do not apply.
  package func level(of scorecard: Scorecard, checks: [CheckResult]) -> String? {
    var reached: String?
    for level in scorecard.levels {
      let blocking = zip(scorecard.checks, checks).contains { check, result in
        check.level == level && (result.outcome == .fail || result.outcome == .error)
      }
      if blocking { break }
      reached = level
    }
    return reached
  }

  /// Σ weight of passing checks ÷ Σ weight of passing, failing and erroring checks.
  package static func score(_ scorecard: Scorecard, _ checks: [CheckResult]) -> Double? {
    var passed = 0.0
    var counted = 0.0
    for (check, result) in zip(scorecard.checks, checks) {
      switch result.outcome {
      case .pass:
        passed += check.weight
        counted += check.weight
      case .fail, .error: counted += check.weight
      case .waived, .notApplicable: break
      }
    }
    return counted > 0 ? passed / counted : nil
  }
}

extension CompiledWaiver {
  /// Whether this waiver exempts `entity` from `check` of `scorecard`.
  package func covers(_ entity: EntityRef, check: String, scorecard: String, bindings: [String: CELValue]) -> Bool {
    guard waiver.scorecard == scorecard, waiver.check == check else { return false }
    if waiver.entities.contains(entity) { return true }
    return filter?.evaluate(bindings) == .bool(true)
  }
}

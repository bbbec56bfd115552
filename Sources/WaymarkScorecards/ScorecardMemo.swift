import StructuredData
import WaymarkModel

/// Scorecard verdicts of earlier builds, per entity (the build cache's `scorecards` table):
/// an entity whose verdicts are found is not evaluated again.
///
/// An entity's key covers everything its evaluation reads: the scorecards and waivers (their
/// files, which compile the same programs, and each waiver's status) and "now" (`context`),
/// and the entity's bindings as JSON: its envelope, relations, owner, facts and their
/// provenance, and where it is written.
package struct ScorecardMemo: Sendable {
  /// The table's name in the build cache.
  package static let table = "scorecards"

  /// What earlier builds stored.
  package let stored: CacheTable
  /// The key of the scorecards, waivers and "now".
  package let context: MemoKey
  /// The key of each owner's envelope, made once (`withOwnerKeys(catalog:)`): owners are few,
  /// the entities they own many.
  private var ownerKeys: [EntityRef: MemoKey] = [:]

  /// A memo of `stored` for the scorecards `context` names.
  package init(_ stored: CacheTable, context: MemoKey) {
    self.stored = stored
    self.context = context
  }

  /// This memo with the key of every owner in `catalog` made.
  package func withOwnerKeys(catalog: Catalog) -> ScorecardMemo {
    var memo = self
    for entity in catalog.entities {
      guard let ref = entity.targets(of: "ownedBy").first, memo.ownerKeys[ref] == nil else { continue }
      memo.ownerKeys[ref] = catalog[ref].map(Self.ownerKey)
    }
    return memo
  }

  /// The key of an owner's envelope.
  private static func ownerKey(_ owner: Entity) -> MemoKey {
    var hasher = MemoHasher("scorecard-owner")
    hasher.add(ScorecardEvaluator.document(of: owner))
    return hasher.finish()
  }

  /// The context key of `files` (the policy files), the scorecards compiled from them, the
  /// waivers with their status, and `now`.
  package static func context(
    files: [SourceFile], compiled: [CompiledScorecard], waivers: [CompiledWaiver], now: Timestamp
  ) -> MemoKey {
    var hasher = MemoHasher("scorecards")
    hasher.add(files.count)
    for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      hasher.add(file.path)
      hasher.add(file.bytes)
    }
    hasher.add(compiled.map(\.scorecard.name).joined(separator: "\n"))
    hasher.add(waivers.map { "\($0.waiver.name)=\($0.status.rawValue)" }.joined(separator: "\n"))
    hasher.add(Int(now.millisecondsSinceEpoch))
    return hasher.finish()
  }

  /// The key of `entity`'s evaluation.
  package func key(for entity: Entity, evaluator: ScorecardEvaluator) -> MemoKey {
    var hasher = MemoHasher("scorecard-entity")
    hasher.add(context)
    hasher.add(entity.ref.canonical)
    hasher.add(entity.source.path)
    hasher.add(entity.source.line)
    hasher.add(ScorecardEvaluator.document(of: entity))
    for relation in (entity.relations + entity.externalRelations).sorted() {
      hasher.add(relation.type)
      hasher.add(relation.target.canonical)
    }
    hasher.add("owner")
    let ownerRef = entity.targets(of: "ownedBy").first
    let ownerKey = ownerRef.flatMap { ownerKeys[$0] ?? evaluator.catalog[$0].map(Self.ownerKey) }
    hasher.add(ownerKey != nil)
    if let ownerKey { hasher.add(ownerKey) }
    for name in ["docs", "dora", "policy"] {
      hasher.add(evaluator.facts.value(name, for: entity.ref))
      hasher.add(evaluator.facts.provenance[entity.ref]?[name] ?? .null)
    }
    return hasher.finish()
  }

  /// `entity`'s verdicts: stored ones when found, else evaluated; with the entry to keep.
  package func verdicts(
    for entity: Entity, evaluator: ScorecardEvaluator, order: [CompiledScorecard], active: [CompiledWaiver]
  ) -> (verdicts: [ScorecardEvaluator.Verdict], key: MemoKey, entry: [UInt8]?) {
    let key = key(for: entity, evaluator: evaluator)
    if let bytes = stored.entry(key), let verdicts = Self.read(Array(bytes), count: order.count, entity: entity.ref) {
      return (verdicts, key, Array(bytes))
    }
    let verdicts = evaluator.verdicts(for: entity, order: order, active: active)
    var writer = CacheRecordWriter()
    writer.add(UInt64(verdicts.count))
    for verdict in verdicts { Self.write(verdict, to: &writer) }
    return (verdicts, key, writer.bytes)
  }

  /// The key of an outcome evaluated under `context` into `reports` without a baseline (the
  /// waivers, history and gates follow from these): pages showing scorecard results are keyed
  /// by it, so an edit that changes no result changes no such page.
  package static func outcomeKey(context: MemoKey, reports: [ScorecardReport]) -> MemoKey {
    var hasher = MemoHasher("scorecard-outcome")
    hasher.add(context)
    for report in reports {
      hasher.add(report.scorecard.name)
      var writer = CacheRecordWriter()
      for score in report.results {
        writer.add(score.entity)
        write(.scored(score), to: &writer)
      }
      for (ref, message) in report.appliesToFailures.sorted(by: { $0.key < $1.key }) {
        writer.add(ref)
        writer.add(message)
      }
      hasher.add(writer.bytes)
    }
    return hasher.finish()
  }

  private static func write(_ verdict: ScorecardEvaluator.Verdict, to writer: inout CacheRecordWriter) {
    switch verdict {
    case .skipped: writer.add(UInt64(0))
    case .failed(let message):
      writer.add(UInt64(1))
      writer.add(message)
    case .scored(let score):
      writer.add(UInt64(2))
      writer.add(score.level)
      writer.add(score.score != nil)
      writer.add(score.score ?? 0)
      writer.add(UInt64(score.checks.count))
      for check in score.checks {
        writer.add(check.id)
        writer.add(check.outcome.rawValue)
        writer.add(check.message)
        writer.add(check.waiver)
        writer.add(check.budgetStop != nil)
        if let stop = check.budgetStop {
          writer.add(stop.inApplicable)
          writer.add(stop.reason)
        }
        writer.add(check.fromApplicable)
      }
      writer.add(score.inputs)
    }
  }

  private static func read(_ bytes: [UInt8], count: Int, entity: EntityRef) -> [ScorecardEvaluator.Verdict]? {
    var reader = CacheRecordReader(bytes)
    do {
      guard try reader.uint() == UInt64(count) else { return nil }
      var verdicts: [ScorecardEvaluator.Verdict] = []
      for _ in 0..<count {
        switch try reader.uint() {
        case 0: verdicts.append(.skipped)
        case 1: verdicts.append(.failed(try reader.string()))
        case 2: verdicts.append(.scored(try readScore(&reader, entity: entity)))
        default: return nil
        }
      }
      return reader.isAtEnd ? verdicts : nil
    } catch {
      return nil
    }
  }

  private static func readScore(
    _ reader: inout CacheRecordReader, entity: EntityRef
  ) throws(CacheRecordReader.Corrupt) -> EntityScore {
    let level = try reader.optionalString()
    let hasScore = try reader.bool()
    let score = try reader.double()
    var checks: [CheckResult] = []
    for _ in 0..<(try reader.count(minimumBytes: 5)) {
      let id = try reader.string()
      guard let outcome = CheckOutcome(rawValue: try reader.string()) else { throw CacheRecordReader.Corrupt() }
      let message = try reader.optionalString()
      let waiver = try reader.optionalString()
      let stop =
        try reader.bool() ? CheckResult.BudgetStop(inApplicable: try reader.bool(), reason: try reader.string()) : nil
      checks.append(
        CheckResult(
          id: id, outcome: outcome, message: message, waiver: waiver, budgetStop: stop,
          fromApplicable: try reader.bool()))
    }
    return EntityScore(
      entity: entity, level: level, score: hasScore ? score : nil, checks: checks, inputs: try reader.value())
  }
}

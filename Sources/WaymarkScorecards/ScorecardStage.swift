import Foundation
import WaymarkLoading
import WaymarkModel

/// The scorecard stage: load policies, compile them, evaluate every entity, compare with a baseline.
public struct ScorecardStage: Sendable {
  /// What the stage produced.
  public struct Output: Sendable {
    /// Results, waivers, changes, history and gates.
    public var outcome: ScorecardOutcome
    /// The policy files read.
    public var files: [SourceFile]
    /// Problems in the policies, check errors, and (when enforced) broken gates.
    public var diagnostics: [Diagnostic]
    /// The build cache's entries for the entities evaluated (when run with a memo).
    package var memoEntries: [MemoKey: [UInt8]] = [:]
    /// The key of `outcome` (`ScorecardMemo.outcomeKey`), when run with a memo and no baseline.
    package var outcomeKey: MemoKey?
  }

  /// The site root.
  public let root: URL
  /// The policies folder, root-relative.
  public let folder: String
  /// The `catalog:` settings the policies' references are checked with.
  public let catalogSettings: CatalogSettings

  /// Creates the stage.
  public init(root: URL, folder: String, catalogSettings: CatalogSettings = CatalogSettings()) {
    self.root = root
    self.folder = folder
    self.catalogSettings = catalogSettings
  }

  /// Runs the stage; gate violations are errors only when `enforceGates` (in `waymark check`).
  public func run(
    catalog: Catalog, facts: EntityFacts, now: Timestamp, allFiles: [String], baselineFolder: URL?, enforceGates: Bool,
    memo: CacheTable? = nil
  ) async -> Output {
    let (policies, files, loadDiagnostics) = PolicyLoader(root: root).load(folder: folder, files: allFiles)
    var diagnostics = loadDiagnostics
    let compiler = ScorecardCompiler(catalogSettings: catalogSettings)
    let (compiled, waivers, compileDiagnostics) = compiler.compile(policies, catalog: catalog, now: now)
    diagnostics += compileDiagnostics
    let evaluator = ScorecardEvaluator(catalog: catalog, facts: facts, now: now)
    let scorecardMemo = memo.map {
      ScorecardMemo($0, context: ScorecardMemo.context(files: files, compiled: compiled, waivers: waivers, now: now))
    }
    let (reports, memoEntries) = await evaluator.evaluate(compiled, waivers: waivers, memo: scorecardMemo)
    diagnostics += CELBudgetReporter().diagnostics(for: reports)
    diagnostics += AppliesToFailureReporter().diagnostics(for: reports)
    diagnostics += CheckErrorReporter(enforceGates: enforceGates).diagnostics(for: reports)
    diagnostics += AppliesToEverythingReporter().diagnostics(for: reports)
    var baseline: Baseline?
    if let baselineFolder {
      let (read, baselineDiagnostics) = Baseline.read(from: baselineFolder)
      baseline = read
      diagnostics += baselineDiagnostics
    }
    let comparator = BaselineComparator()
    let changes = baseline.map { comparator.changes(reports, against: $0) }
    let point = comparator.historyPoint(reports, rollup: ScorecardRollup(catalog: catalog), asOf: now)
    let violations = GateEvaluator().violations(compiled, reports: reports, changes: changes, evaluator: evaluator)
    if enforceGates {
      diagnostics += violations.map { .error(.scorecardGate, $0.message, at: $0.reportedLocation, notes: $0.notes) }
    }
    let outcome = ScorecardOutcome(
      reports: reports, waivers: waivers, changes: changes, baselineAsOf: baseline?.asOf,
      history: comparator.history(baseline, adding: point), violations: violations)
    var output = Output(outcome: outcome, files: files, diagnostics: diagnostics)
    output.memoEntries = memoEntries
    if let scorecardMemo, baseline == nil {
      output.outcomeKey = ScorecardMemo.outcomeKey(context: scorecardMemo.context, reports: reports)
    }
    return output
  }
}

extension ScorecardStage.Output {
  /// The stage's progress line.
  public var summary: String {
    "\(outcome.reports.count) scorecards, \(outcome.waivers.count) waivers"
  }
}

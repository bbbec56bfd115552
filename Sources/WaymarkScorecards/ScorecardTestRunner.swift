import StructuredData
import WaymarkCatalog
import WaymarkLoading
import WaymarkModel
import YAML

/// Runs `ScorecardTest`s: platform teams' unit tests for their own checks (`waymark test-policies`).
///
/// Each test's inline entities form a small catalog of their own, with the test's facts standing
/// in for docs, metrics and policy results; the named scorecard is evaluated over it and every
/// expectation compared.
public struct ScorecardTestRunner: Sendable {
  /// One test's verdict.
  public struct Verdict: Sendable, Hashable {
    /// The test's name.
    public var name: String
    /// Failed expectations, located, in order; empty when the test passed.
    public var failures: [Diagnostic]
  }

  /// The site's `catalog:` settings, for the tests' inline catalogs and the scorecard's references.
  public let catalogSettings: CatalogSettings

  /// Creates a runner.
  public init(catalogSettings: CatalogSettings = CatalogSettings()) {
    self.catalogSettings = catalogSettings
  }

  /// Runs every test of `policies` at `now`; verdicts sorted by test name.
  public func run(_ policies: PolicySet, now: Timestamp) async -> [Verdict] {
    var verdicts: [Verdict] = []
    for test in policies.tests {
      verdicts.append(await run(test, policies: policies, now: now))
    }
    return verdicts
  }

  package func run(_ test: ScorecardTest, policies: PolicySet, now: Timestamp) async -> Verdict {
    func failure(_ message: String, at location: SourceLocation) -> Diagnostic {
      .error(.policyTestFailed, "test '\(test.name)': \(message)", at: location)
    }
    let documents = test.entities.enumerated().map { index, value in
      CatalogDocument(
        path: test.source.path, index: index, line: test.source.line, value: value, sourceMap: YAMLSourceMap())
    }
    let (catalog, catalogDiagnostics) = CatalogBuilder(settings: catalogSettings).build(documents)
    var failures = catalogDiagnostics.filter { $0.severity == .error }.map {
      failure("entity problem: \($0.message)", at: test.source)
    }
    var facts = EntityFacts()
    for (text, value) in test.facts {
      guard let ref = EntityRef(parsing: text, defaultKind: "Component") else { continue }
      facts.byEntity[ref] = value.objectValue ?? [:]
    }
    // Waivers are left out: a test states what the checks themselves decide.
    let only = PolicySet(scorecards: policies.scorecards.filter { $0.name == test.scorecard })
    guard !only.scorecards.isEmpty else {
      return Verdict(
        name: test.name, failures: [failure("scorecard '\(test.scorecard)' does not exist", at: test.source)])
    }
    let compiler = ScorecardCompiler(catalogSettings: catalogSettings)
    let (compiled, waivers, compileDiagnostics) = compiler.compile(only, catalog: catalog, now: now)
    failures += compileDiagnostics.filter { $0.severity == .error && $0.code != .policyDanglingRef }
    let reports = await ScorecardEvaluator(catalog: catalog, facts: facts, now: now).evaluate(
      compiled, waivers: waivers)
    let results = reports.first?.results ?? []
    for expectation in test.expectations {
      guard let ref = EntityRef(parsing: expectation.entity, defaultKind: "Component") else {
        failures.append(failure("'\(expectation.entity)' is not a valid entity reference", at: expectation.location))
        continue
      }
      let score = results.first { $0.entity == ref }
      if let check = expectation.check, let expected = expectation.result {
        guard let actual = score?.checks.first(where: { $0.id == check }) else {
          failures.append(
            failure(
              "expected check '\(check)' on '\(ref)' to be \(expected.rawValue), but the scorecard does not apply to it or has no such check",
              at: expectation.location))
          continue
        }
        if actual.outcome != expected {
          let detail = actual.message.map { " (\($0))" } ?? ""
          failures.append(
            failure(
              "expected check '\(check)' on '\(ref)' to be \(expected.rawValue), got \(actual.outcome.rawValue)\(detail)",
              at: expectation.location))
        }
      } else if let level = expectation.level {
        let actual = score?.level ?? "none"
        if actual != level {
          failures.append(failure("expected '\(ref)' to reach level \(level), got \(actual)", at: expectation.location))
        }
      }
    }
    return Verdict(name: test.name, failures: failures)
  }
}

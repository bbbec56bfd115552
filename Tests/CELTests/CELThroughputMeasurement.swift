import CEL
import Foundation
import StructuredData
import Testing

/// Evaluations per second of typical scorecard checks. Not a timed test: it asserts results,
/// never durations, and runs only when asked, in a release build:
/// `CEL_MEASURE=1 swift test -c release --filter CELThroughputMeasurement`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CEL_MEASURE"] == "1"))
struct CELThroughputMeasurement {
  static let entity: JSONValue = [
    "apiVersion": "backstage.io/v1alpha1",
    "kind": "Component",
    "metadata": [
      "name": "payments-api",
      "annotations": ["pagerduty.com/service-id": "P123", "github.com/project-slug": "acme/payments"],
      "links": [["url": "https://wiki/runbook", "type": "runbook"], ["url": "https://grafana", "type": "dashboard"]],
    ],
    "spec": ["type": "service", "lifecycle": "production", "owner": "team-a", "replicas": 3],
  ]

  static let checks: [(name: String, source: String)] = [
    ("annotation presence", "'pagerduty.com/service-id' in entity.metadata.annotations"),
    ("enum comparison", "entity.spec.lifecycle == 'production'"),
    ("exists over links", "entity.metadata.links.exists(l, l.type == 'runbook')"),
    ("numeric threshold", "entity.spec.replicas >= 2"),
    ("combined", "entity.spec.lifecycle == 'production' ? size(entity.metadata.links) > 0 : true"),
  ]

  @Test func measureEvaluationsPerSecond() throws {
    let activation = CELActivation(["entity": CELValue(Self.entity)])
    for check in Self.checks {
      let program = try CELProgram(source: check.source)
      let rate = Self.evaluationsPerCPUSecond { program.evaluate(activation) }
      print("cel-throughput \(check.name): \(rate) evaluations per CPU-second  (\(check.source))")
    }
  }

  /// The same first check with a plain dictionary, which builds an activation per evaluation.
  @Test func measureWithDictionaryBindings() throws {
    let bindings = ["entity": CELValue(Self.entity)]
    let program = try CELProgram(source: Self.checks[0].source)
    let rate = Self.evaluationsPerCPUSecond { program.evaluate(bindings) }
    print("cel-throughput \(Self.checks[0].name), dictionary bindings: \(rate) evaluations per CPU-second")
  }

  /// Runs `evaluation` two million times, checking every result is `true`.
  ///
  /// Thread CPU time, not wall time: the machine is shared, and the figure wanted is per core.
  static func evaluationsPerCPUSecond(_ evaluation: () -> CELValue) -> Int {
    let iterations = 2_000_000
    var trueCount = 0
    let start = threadCPUSeconds()
    for _ in 0..<iterations {
      if case .bool(true) = evaluation() { trueCount += 1 }
    }
    let seconds = threadCPUSeconds() - start
    #expect(trueCount == iterations)
    return Int(Double(iterations) / seconds)
  }

  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

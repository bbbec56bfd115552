import Foundation
import StructuredData

/// Wall and CPU time of some evaluations, and the rates they give. CPU time is the evaluating
/// thread's own (`CLOCK_THREAD_CPUTIME_ID`), so the per-core rate holds on a shared machine.
struct EvaluationTiming: Sendable {
  var seconds = 0.0
  var cpuSeconds = 0.0
  var evaluations = 0

  /// Times `body`, which runs `evaluations` evaluations on the calling thread.
  static func measure(evaluations: Int, _ body: () -> Void) -> EvaluationTiming {
    let clock = ContinuousClock()
    let startCPU = threadCPUSeconds()
    let elapsed = clock.measure(body)
    return EvaluationTiming(
      seconds: elapsed.seconds, cpuSeconds: threadCPUSeconds() - startCPU, evaluations: evaluations)
  }

  mutating func add(_ other: EvaluationTiming) {
    seconds += other.seconds
    cpuSeconds += other.cpuSeconds
    evaluations += other.evaluations
  }

  /// `seconds`, `cpuSeconds`, `evaluations`, `evaluationsPerSecond`, `evaluationsPerCpuSecond`.
  var fields: [String: JSONValue] {
    [
      "seconds": .double(seconds), "cpuSeconds": .double(cpuSeconds), "evaluations": .int(Int64(evaluations)),
      "evaluationsPerSecond": .double(seconds > 0 ? Double(evaluations) / seconds : 0),
      "evaluationsPerCpuSecond": .double(cpuSeconds > 0 ? Double(evaluations) / cpuSeconds : 0),
    ]
  }

  /// User + system CPU seconds of every thread of the process (for stages that run in parallel).
  static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures each stage's elapsed and CPU time and reports it as a progress line; never feeds the output.
///
/// CPU time is the whole process's (every thread), so a stage that works in parallel shows more
/// CPU than wall time; stages run one after another, so it is the stage's own.
package struct StageClock {
  package let progress: @Sendable (BuildProgress) -> Void
  private var last = ContinuousClock.now
  private var lastCPU = StageClock.processCPUSeconds()

  package init(progress: @escaping @Sendable (BuildProgress) -> Void) {
    self.progress = progress
  }

  /// Reports `stage` as finished, with its summary and the time since the previous lap.
  package mutating func lap(_ stage: String, _ summary: String) {
    let now = ContinuousClock.now
    let cpu = Self.processCPUSeconds()
    let elapsed = now - last
    let cpuMilliseconds = (cpu - lastCPU) * 1000
    last = now
    lastCPU = cpu
    let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    progress(
      BuildProgress(
        stage: stage,
        summary:
          "\(summary) (\(String(format: "%.0f", milliseconds)) ms, \(String(format: "%.0f", cpuMilliseconds)) ms CPU)",
        milliseconds: milliseconds))
  }

  /// User + system CPU seconds of every thread of this process so far.
  package static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

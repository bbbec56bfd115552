import Foundation

/// Measures each stage's elapsed time for progress lines; never feeds the output.
struct StageClock {
  private var last = ContinuousClock.now

  mutating func lap(_ stage: String, _ summary: String) -> BuildProgress {
    let now = ContinuousClock.now
    let elapsed = now - last
    last = now
    let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    return BuildProgress(stage: stage, summary: "\(summary) (\(String(format: "%.0f", milliseconds)) ms)")
  }
}

import Foundation
import StructuredData
import WaymarkKit

/// Builds the whole portal with `SiteBuilder`, publishing to `output`, for the page-weight report
/// (`Tests/Bench/page_weight.py`) and the scaling table (`Tests/Bench/bench_scaling.py`).
///
/// `waymark build` publishes nothing when the inputs have errors, and the bench corpus has
/// dangling catalog references on purpose; this publishes the same files regardless (streamed to
/// the staging folder as `waymark build` does) and reports the errors it saw, so the weights are
/// those of the pages a clean build would write. It reports every stage line too (`stages`:
/// `{"stage", "summary", "seconds", "cpuSeconds", "peakRSSMB"}`), timed as they arrive, with
/// the process's peak resident memory so far (which stage sets the peak).
struct WholeSiteProbe: Sendable {
  /// The site root.
  var root: URL
  /// Where the portal is published (replaced).
  var output: URL

  /// A stage line as it arrived.
  struct StageLine: Sendable {
    var progress: BuildProgress
    var at: ContinuousClock.Instant
    var cpuSeconds: Double
    var peakRSSMB: Double
  }

  /// The process's peak resident set size so far, in MB (`getrusage`'s kilobytes, as on Linux).
  static func peakRSSMB() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024
  }

  func run() async throws(ProbeFailure) -> ProbeReport {
    let clock = ContinuousClock()
    let start = clock.now
    let startCPU = StageClock.processCPUSeconds()
    let (lines, continuation) = AsyncStream.makeStream(of: StageLine.self)
    var options = BuildOptions(root: root, output: output, writesOutput: true) { progress in
      continuation.yield(
        StageLine(
          progress: progress, at: ContinuousClock.now, cpuSeconds: StageClock.processCPUSeconds(),
          peakRSSMB: Self.peakRSSMB()))
    }
    options.keepsFiles = false
    options.publishesWithErrors = true
    let result: BuildResult
    do { result = try await SiteBuilder().build(options) } catch {
      throw ProbeFailure("waymark-bench: \(error.description)")
    }
    continuation.finish()
    var stages: [JSONValue] = []
    var (previous, previousCPU) = (start, startCPU)
    for await line in lines {
      stages.append([
        "stage": .string(line.progress.stage), "summary": .string(line.progress.summary),
        "seconds": .double((line.at - previous).seconds), "cpuSeconds": .double(line.cpuSeconds - previousCPU),
        "peakRSSMB": .double(line.peakRSSMB),
      ])
      (previous, previousCPU) = (line.at, line.cpuSeconds)
    }
    var codes: [String: JSONValue] = [:]
    for diagnostic in result.diagnostics.items {
      codes[diagnostic.code.rawValue] = .int((codes[diagnostic.code.rawValue]?.intValue ?? 0) + 1)
    }
    return ProbeReport(
      stage: "site", seconds: (clock.now - start).seconds,
      fields: [
        "files": .int(Int64(result.fileCount)), "errors": .int(Int64(result.diagnostics.errorCount)),
        "warnings": .int(Int64(result.diagnostics.warningCount)), "diagnosticCodes": .object(codes),
        "stages": .array(stages),
      ])
  }
}

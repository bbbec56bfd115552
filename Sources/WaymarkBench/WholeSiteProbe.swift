import Foundation
import StructuredData
import WaymarkKit
import WaymarkPublishing

/// Builds the whole portal with `SiteBuilder` and writes every file it rendered to `output`,
/// for the page-weight report (`Tests/Bench/page_weight.py`).
///
/// `waymark build` publishes nothing when the inputs have errors, and the bench corpus has
/// dangling catalog references on purpose; this writes the same rendered files regardless and
/// reports the errors it saw, so the weights are those of the pages a clean build would write.
struct WholeSiteProbe: Sendable {
  /// The site root.
  var root: URL
  /// Where the portal is published (replaced).
  var output: URL

  func run() async throws(ProbeFailure) -> ProbeReport {
    let clock = ContinuousClock()
    let start = clock.now
    let result: BuildResult
    do { result = try await SiteBuilder().build(BuildOptions(root: root, output: output, writesOutput: false)) } catch {
      throw ProbeFailure("waymark-bench: \(error.description)")
    }
    do { try SiteWriter(output: output).publish(result.files) } catch {
      throw ProbeFailure("waymark-bench: \(error.description)")
    }
    var codes: [String: JSONValue] = [:]
    for diagnostic in result.diagnostics.items {
      codes[diagnostic.code.rawValue] = .int((codes[diagnostic.code.rawValue]?.intValue ?? 0) + 1)
    }
    return ProbeReport(
      stage: "site", seconds: (clock.now - start).seconds,
      fields: [
        "files": .int(Int64(result.files.count)), "errors": .int(Int64(result.diagnostics.errorCount)),
        "warnings": .int(Int64(result.diagnostics.warningCount)), "diagnosticCodes": .object(codes),
      ])
  }
}

import CEL
import Foundation
import StructuredData
import WaymarkCatalog
import WaymarkLoading

/// Times compiled CEL checks over every entity of a site's catalog, one thread, one
/// evaluation per entity per check, as a scorecard runs them.
///
/// The checks come from a JSON file (`Tests/Bench/cel_checks.json`: `evaluationsPerCheck` and
/// `checks: [{name, expr}]`) that the cel-cpp peer (`Tests/Bench/cel_peer.py`) reads too, so
/// both sides run the same expressions the same number of times. Untimed: loading the catalog,
/// compiling each check once and converting each entity to its binding (`entity`) once.
struct CELThroughputProbe: Sendable {
  /// The site root.
  var root: URL
  /// The JSON file of checks.
  var checksFile: URL

  /// A check as the file names it.
  struct Check: Sendable {
    var name: String
    var program: CELProgram
  }

  func run() async throws(ProbeFailure) -> ProbeReport {
    let (checks, evaluationsPerCheck) = try loadChecks()
    let (config, _, _) = SiteConfigLoader().load(root: root)
    let finder = InputFinder(root: root, excludedFolders: [config.outputDirectory])
    let loaded = await CatalogLoader(root: root).load(
      paths: finder.files(matching: config.catalogGlobs, in: finder.allFiles()))
    let (catalog, _) = CatalogBuilder().build(loaded.documents)
    let activations = catalog.entities.map { CELActivation(["entity": CELValue($0.document)]) }
    guard !activations.isEmpty else { throw ProbeFailure("waymark-bench: the catalog of \(root.path) has no entities") }
    let passes = (evaluationsPerCheck + activations.count - 1) / activations.count
    var perCheck: [String: JSONValue] = [:]
    var total = EvaluationTiming()
    for check in checks {
      var trueCount = 0
      var otherCount = 0
      let timing = EvaluationTiming.measure(evaluations: passes * activations.count) {
        for _ in 0..<passes {
          for activation in activations {
            switch check.program.evaluate(activation) {
            case .bool(true): trueCount += 1
            case .bool(false): break
            default: otherCount += 1
            }
          }
        }
      }
      total.add(timing)
      var fields = timing.fields
      fields["true"] = .int(Int64(trueCount / passes))
      fields["notBool"] = .int(Int64(otherCount / passes))
      perCheck[check.name] = .object(fields)
    }
    var fields = total.fields
    fields["entities"] = .int(Int64(activations.count))
    fields["passes"] = .int(Int64(passes))
    fields["checks"] = .object(perCheck)
    return ProbeReport(stage: "cel", seconds: total.seconds, fields: fields)
  }

  /// The checks of `checksFile`, compiled, and how many evaluations each should get.
  func loadChecks() throws(ProbeFailure) -> ([Check], Int) {
    guard let data = FileManager.default.contents(atPath: checksFile.path) else {
      throw ProbeFailure("waymark-bench: cannot read \(checksFile.path)")
    }
    let file: JSONValue
    do { file = try JSONReader().parse([UInt8](data)) } catch {
      throw ProbeFailure("waymark-bench: \(checksFile.path):\(error.line):\(error.column): \(error.message)")
    }
    guard let evaluations = file["evaluationsPerCheck"]?.intValue, evaluations > 0,
      let entries = file["checks"]?.arrayValue, !entries.isEmpty
    else {
      throw ProbeFailure("waymark-bench: \(checksFile.path) needs evaluationsPerCheck > 0 and a non-empty checks list")
    }
    var checks: [Check] = []
    for entry in entries {
      guard let name = entry["name"]?.stringValue, let source = entry["expr"]?.stringValue else {
        throw ProbeFailure("waymark-bench: \(checksFile.path): every check needs a name and an expr")
      }
      do { checks.append(Check(name: name, program: try CELProgram(source: source))) } catch {
        throw ProbeFailure("waymark-bench: check \(name): \(error)")
      }
    }
    return (checks, Int(evaluations))
  }
}

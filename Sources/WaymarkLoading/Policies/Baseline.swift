import Foundation
import StructuredData
import WaymarkModel

/// A previous build's scorecard results and history, read from its `api/` folder.
public struct Baseline: Sendable {
  /// When the baseline was built (`asOf` of its build.json).
  public var asOf: String?
  /// Level per (scorecard, canonical entity ref); a missing level is recorded as nil.
  public var levels: [String: [String: String?]]
  /// Check results per (scorecard, entity, check id).
  public var checks: [String: [String: [String: String]]]
  /// The baseline's history points, oldest first.
  public var history: [JSONValue]

  /// Reads `<folder>/api/scorecards.json`, `build.json` and `history.json`; problems are diagnostics.
  public static func read(from folder: URL) -> (Baseline?, [Diagnostic]) {
    let api = folder.appendingPathComponent("api")
    guard let data = FileManager.default.contents(atPath: api.appendingPathComponent("scorecards.json").path) else {
      return (
        nil,
        [
          .error(
            .baselineMissing, "the baseline folder has no api/scorecards.json",
            at: SourceLocation(path: api.appendingPathComponent("scorecards.json").path))
        ]
      )
    }
    let value: JSONValue
    do {
      value = try JSONReader().parse([UInt8](data))
    } catch {
      let file = api.appendingPathComponent("scorecards.json").path
      return (
        nil,
        [
          .error(
            .baselineInvalid, "the baseline is not valid JSON: \(error.message)",
            at: SourceLocation(path: file, line: error.line, column: error.column))
        ]
      )
    }
    var baseline = Baseline(asOf: nil, levels: [:], checks: [:], history: [])
    for scorecard in value["scorecards"]?.arrayValue ?? [] {
      guard let name = scorecard["name"]?.stringValue else { continue }
      for result in scorecard["results"]?.arrayValue ?? [] {
        guard let entity = result["entity"]?.stringValue else { continue }
        baseline.levels[name, default: [:]][entity] = .some(result["level"]?.stringValue)
        for check in result["checks"]?.arrayValue ?? [] {
          if let id = check["id"]?.stringValue, let outcome = check["result"]?.stringValue {
            baseline.checks[name, default: [:]][entity, default: [:]][id] = outcome
          }
        }
      }
    }
    if let build = FileManager.default.contents(atPath: api.appendingPathComponent("build.json").path),
      let manifest = try? JSONReader().parse([UInt8](build))
    {
      baseline.asOf = manifest["asOf"]?.stringValue
    }
    if let history = FileManager.default.contents(atPath: api.appendingPathComponent("history.json").path),
      let points = (try? JSONReader().parse([UInt8](history)))?["points"]?.arrayValue
    {
      baseline.history = points
    }
    return (baseline, [])
  }
}

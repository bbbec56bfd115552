import Foundation
import StructuredData
import YAML

/// The `metrics:` settings of `waymark.yaml`: which environments are production, the window, the bands.
public struct MetricsSettings: Sendable, Hashable {
  /// Environment ids or names counted as production, compared case-insensitively.
  public var productionEnvironments: [String] = ["prod", "production"]
  /// The length of the metrics window, in days, ending at the build's "now".
  public var windowDays = 90
  /// The DORA report whose performance bands are shown.
  public var bands: DORABands = .dora2023

  /// The defaults.
  public init() {}

  /// Whether an environment id or name is production.
  public func isProduction(_ environment: String?) -> Bool {
    guard let environment else { return false }
    return productionEnvironments.contains { $0.caseInsensitiveCompare(environment) == .orderedSame }
  }

  /// Reads the `metrics` mapping of a converted config, reporting bad values at their place.
  package mutating func read(_ config: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile) -> [Diagnostic] {
    guard let metrics = config["metrics"] else { return [] }
    var diagnostics: [Diagnostic] = []
    func location(_ key: String) -> SourceLocation {
      SourceLocation(path: file.path, position: sourceMap.position(of: ValuePath(keys: "metrics", key)))
    }
    if let names = metrics["productionEnvironments"] {
      let list = names.stringValue.map { [$0] } ?? names.arrayValue?.compactMap(\.stringValue) ?? []
      if !list.isEmpty { productionEnvironments = list }
    }
    if let days = metrics["windowDays"] {
      let text = days.stringValue ?? days.intValue.map(String.init) ?? ""
      if let number = Int(text), (1...3660).contains(number) {
        windowDays = number
      } else {
        diagnostics.append(
          .error(
            .configBadValue, "metrics.windowDays must be a whole number of days from 1 to 3660, not '\(text)'",
            at: location("windowDays")))
      }
    }
    if let name = metrics["bands"]?.stringValue {
      if let chosen = DORABands(rawValue: name) {
        bands = chosen
      } else {
        var message = "metrics.bands '\(name)' is not a known report"
        if let suggestion = NameSuggester.closest(to: name, among: DORABands.allCases.map(\.rawValue)) {
          message += "; did you mean '\(suggestion)'?"
        }
        diagnostics.append(.error(.configBadValue, message + " (known: dora-2023, dora-2024)", at: location("bands")))
      }
    }
    return diagnostics
  }
}

import StructuredData
import WaymarkModel

/// What findings take from one SARIF rule (a reporting descriptor), read from its JSON once per
/// run instead of once per result that refers to it.
package final class SARIFRule: Sendable {
  /// The descriptor as written, for what is rarely needed (`messageStrings`).
  package let value: JSONValue
  /// `id`.
  package let id: String?
  /// `name`, else `shortDescription.text`: the finding's rule name.
  package let displayName: String?
  /// `shortDescription.text`, else `name`: the message of a result that has none.
  package let fallbackMessage: String?
  /// `helpUri`.
  package let helpURL: String?
  /// `defaultConfiguration.level`.
  package let defaultLevel: String?
  /// The bucket of `properties["security-severity"]`, when it is a number or numeric text.
  package let scoreSeverity: GuardrailSeverity?
  /// `properties.severity`, else `properties["problem.severity"]`, when it is a severity word.
  package let wordSeverity: GuardrailSeverity?

  package init(_ value: JSONValue) {
    self.value = value
    id = value["id"]?.stringValue
    let name = value["name"]?.stringValue
    let shortDescription = value["shortDescription"]?["text"]?.stringValue
    displayName = name ?? shortDescription
    fallbackMessage = shortDescription ?? name
    helpURL = value["helpUri"]?.stringValue
    defaultLevel = value["defaultConfiguration"]?["level"]?.stringValue
    scoreSeverity = Self.scoreSeverity(in: value["properties"])
    wordSeverity = Self.wordSeverity(in: value["properties"])
  }

  /// The same rule with its `defaultConfiguration.level` replaced (a `ruleConfigurationOverrides` entry).
  package func withDefaultLevel(_ level: String) -> SARIFRule {
    guard case .object(var members) = value else { return self }
    var configuration = members["defaultConfiguration"]?.objectValue ?? [:]
    configuration["level"] = .string(level)
    members["defaultConfiguration"] = .object(configuration)
    return SARIFRule(.object(members))
  }

  /// The bucket of a `security-severity` property (a number or numeric text).
  package static func scoreSeverity(in properties: JSONValue?) -> GuardrailSeverity? {
    let score = properties?["security-severity"]
    guard let number = score?.doubleValue ?? score?.stringValue.flatMap(Double.init) else { return nil }
    return GuardrailSeverity(score: number)
  }

  /// A severity word in `severity` or `problem.severity` (CodeQL: `error`, `warning`,
  /// `recommendation`), in that order.
  package static func wordSeverity(in properties: JSONValue?) -> GuardrailSeverity? {
    for key in ["severity", "problem.severity"] {
      if let word = properties?[key]?.stringValue, let severity = GuardrailSeverity(word: word) { return severity }
    }
    return nil
  }
}

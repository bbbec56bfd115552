/// A diagnostic code: the stable, dotted name users search for and CI matches (`catalog.dangling-ref`),
/// with its usual severity, what it means and an example.
///
/// Every code is a static member (`DiagnosticCode+Catalog.swift` and the other areas) listed in
/// `all`; the memberwise initializer is internal to the model, so a diagnostic with an unregistered
/// code does not compile anywhere else.
/// Codes are a contract: `rawValue` is printed as is and never renamed.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The part of Waymark a code belongs to, in the order the manual lists them.
  public enum Area: String, Sendable, CaseIterable {
    case config, input, yaml, catalog, docs, scorecards, guardrails, events, layouts, secrets

    /// The heading of the area's table in the manual.
    public var title: String {
      switch self {
      case .config: return "Site configuration"
      case .input: return "Reading files"
      case .yaml: return "YAML"
      case .catalog: return "Catalog"
      case .docs: return "Docs"
      case .scorecards: return "Scorecards (policies)"
      case .guardrails: return "Guardrails (policy results)"
      case .events: return "Events"
      case .layouts: return "Layouts"
      case .secrets: return "Secrets"
      }
    }
  }

  /// A short input and the diagnostic line Waymark prints for it.
  public struct Example: Sendable {
    /// The input's path, relative to the site root.
    public let path: String
    /// The input, a few lines of it.
    public let input: String
    /// The diagnostic line printed for it.
    public let output: String
  }

  /// The code as printed: `catalog.dangling-ref`.
  public let rawValue: String
  /// The severity it is usually reported with.
  public let severity: Diagnostic.Severity
  /// When the severity differs, e.g. `error with --strict`; nil when it does not.
  public let severityCondition: String?
  /// Where it belongs.
  public let area: Area
  /// What it means, in one line.
  public let summary: String
  /// An input that produces it.
  public let example: Example

  init(
    _ rawValue: String, _ severity: Diagnostic.Severity, _ area: Area, _ summary: String, when condition: String? = nil,
    example path: String, _ input: String, prints output: String
  ) {
    self.rawValue = rawValue
    self.severity = severity
    self.severityCondition = condition
    self.area = area
    self.summary = summary
    self.example = Example(path: path, input: input, output: output)
  }

  /// The code as printed.
  public var description: String { rawValue }

  /// The severity as the manual shows it: `warning (error with --strict)`.
  public var severityText: String {
    severityCondition.map { "\(severity.rawValue) (\($0))" } ?? severity.rawValue
  }

  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }

  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

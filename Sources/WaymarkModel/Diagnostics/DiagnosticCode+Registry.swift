extension DiagnosticCode {
  /// Every code, area by area in the manual's order.
  public static let all: [DiagnosticCode] =
    configCodes + inputCodes + yamlCodes + catalogCodes + docsCodes + scorecardCodes + guardrailCodes + eventCodes
    + layoutCodes + secretCodes

  private static let byName: [String: DiagnosticCode] = Dictionary(all.map { ($0.rawValue, $0) }) { first, _ in first }

  /// The registered code printed as `name`, if any.
  public static func named(_ name: String) -> DiagnosticCode? { byName[name] }
}

import StructuredData
import YAML

/// The `diagnostics:` settings of `waymark.yaml`: codes whose warnings and notes are silenced.
public struct DiagnosticSettings: Sendable, Hashable {
  /// Codes silenced (`diagnostics.ignore`); errors are never silenced.
  public var ignore: Set<DiagnosticCode> = []

  /// The defaults: nothing silenced.
  public init() {}

  /// Settings silencing `ignore`.
  public init(ignore: Set<DiagnosticCode>) {
    self.ignore = ignore
  }

  /// `diagnostics` without the warnings and notes of ignored codes, and how many were left out.
  public func filter(_ diagnostics: [Diagnostic]) -> (kept: [Diagnostic], silenced: Int) {
    guard !ignore.isEmpty else { return (diagnostics, 0) }
    let kept = diagnostics.filter { $0.severity == .error || !ignore.contains($0.code) }
    return (kept, diagnostics.count - kept.count)
  }

  /// Reads the `diagnostics` mapping of a converted config. A code that is not registered, or one
  /// that is always an error, is a `config.bad-value` error: the setting could not do what it says.
  package mutating func read(_ config: JSONValue, sourceMap: YAMLSourceMap, file: SourceFile) -> [Diagnostic] {
    guard let field = config["diagnostics"]?["ignore"] else { return [] }
    let texts = field.stringValue.map { [$0] } ?? field.arrayValue?.compactMap(\.stringValue) ?? []
    var diagnostics: [Diagnostic] = []
    for (index, text) in texts.enumerated() {
      let path =
        field.arrayValue == nil
        ? ValuePath(keys: "diagnostics", "ignore") : ValuePath(keys: "diagnostics", "ignore").appending(index: index)
      let location = SourceLocation(path: file.path, position: sourceMap.position(of: path))
      guard let code = DiagnosticCode.named(text) else {
        var message = "diagnostics.ignore names '\(text)', which is not a diagnostic code"
        if let suggestion = NameSuggester.closest(to: text, among: DiagnosticCode.all.map(\.rawValue)) {
          message += "; did you mean '\(suggestion)'?"
        }
        diagnostics.append(.error(.configBadValue, message + " (waymark explain --list lists them)", at: location))
        continue
      }
      guard code.severity != .error || code.severityCondition != nil else {
        diagnostics.append(
          .error(
            .configBadValue, "diagnostics.ignore cannot silence '\(text)': it is always an error", at: location))
        continue
      }
      ignore.insert(code)
    }
    return diagnostics
  }
}

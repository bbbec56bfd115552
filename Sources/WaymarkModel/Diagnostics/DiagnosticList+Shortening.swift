extension DiagnosticList {
  /// The diagnostics a terminal shows: every error, and the first `limit` warnings and notes of
  /// each code; the rest are counted by code, so sixty warnings of one kind cannot bury the others.
  public func shortened(
    perCode limit: Int = 10
  ) -> (shown: [Diagnostic], hidden: [(code: DiagnosticCode, count: Int)]) {
    var seen: [DiagnosticCode: Int] = [:]
    var shown: [Diagnostic] = []
    for diagnostic in items {
      guard diagnostic.severity != .error else {
        shown.append(diagnostic)
        continue
      }
      seen[diagnostic.code, default: 0] += 1
      if seen[diagnostic.code, default: 0] <= limit { shown.append(diagnostic) }
    }
    let hidden = seen.filter { $0.value > limit }.sorted { $0.key < $1.key }
      .map { (code: $0.key, count: $0.value - limit) }
    return (shown, hidden)
  }

  /// `… and 58 more docs.remote-ref; all in api/build.json` for each code `shortened` cut.
  public static func hiddenLines(_ hidden: [(code: DiagnosticCode, count: Int)], allIn place: String) -> String {
    hidden.map { "… and \($0.count) more \($0.code); all in \(place)\n" }.joined()
  }
}

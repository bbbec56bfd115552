/// Diagnostics gathered from every stage: sorted, de-duplicated and counted.
public struct DiagnosticList: Sendable, Hashable {
  /// The diagnostics, sorted by (path, line, column, code) without duplicates.
  public private(set) var items: [Diagnostic]

  /// Sorts and de-duplicates `diagnostics`.
  public init(_ diagnostics: [Diagnostic] = []) {
    var seen = Set<Diagnostic>()
    items = diagnostics.sorted().filter { seen.insert($0).inserted }
  }

  /// This list with `more` merged in.
  public func merging(_ more: [Diagnostic]) -> DiagnosticList {
    DiagnosticList(items + more)
  }

  /// How many errors there are.
  public var errorCount: Int { items.count { $0.severity == .error } }
  /// How many warnings there are.
  public var warningCount: Int { items.count { $0.severity == .warning } }
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

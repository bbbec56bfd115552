import StructuredData

/// A problem found in the site's inputs, located compiler-style at `path:line:col`.
public struct Diagnostic: Sendable, Hashable, Comparable, Error {
  /// How serious a diagnostic is; any error fails the build.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: return 0
      case .warning: return 1
      case .note: return 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// How serious it is.
  public var severity: Severity
  /// A stable, dotted code users can search for and CI can match: `catalog.dangling-ref`.
  public var code: DiagnosticCode
  /// What is wrong, in one sentence.
  public var message: String
  /// Where: a path relative to the site root with a 1-based line and column, or nil for the site.
  public var location: SourceLocation?
  /// Related places and hints.
  public var notes: [DiagnosticNote]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, code: DiagnosticCode, message: String, location: SourceLocation?, notes: [DiagnosticNote] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// An error.
  public static func error(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [DiagnosticNote] = []
  )
    -> Diagnostic
  {
    Diagnostic(.error, code: code, message: message, location: location, notes: notes)
  }

  /// A warning.
  public static func warning(
    _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [DiagnosticNote] = []
  )
    -> Diagnostic
  {
    Diagnostic(.warning, code: code, message: message, location: location, notes: notes)
  }

  /// The total order diagnostics are printed in: path, line, column, code, then the rest.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
    let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
    if left != right { return left < right }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
    return lhs.message < rhs.message
  }
}

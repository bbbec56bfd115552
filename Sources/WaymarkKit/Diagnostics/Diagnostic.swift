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
  public var code: String
  /// What is wrong, in one sentence.
  public var message: String
  /// Where: a path relative to the site root with a 1-based line and column, or nil for the site.
  public var location: SourceLocation?
  /// Related places and hints.
  public var notes: [DiagnosticNote]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, code: String, message: String, location: SourceLocation?, notes: [DiagnosticNote] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// An error.
  public static func error(_ code: String, _ message: String, at location: SourceLocation?, notes: [DiagnosticNote] = [])
    -> Diagnostic
  {
    Diagnostic(.error, code: code, message: message, location: location, notes: notes)
  }

  /// A warning.
  public static func warning(_ code: String, _ message: String, at location: SourceLocation?, notes: [DiagnosticNote] = [])
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

/// A file path relative to the site root with a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The path relative to the site root, with `/` separators.
  public var path: String
  /// The 1-based line, or 0 when the whole file is meant.
  public var line: Int
  /// The 1-based column, or 0 when the whole line is meant.
  public var column: Int

  /// Creates a location.
  public init(path: String, line: Int = 0, column: Int = 0) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// A location at a position in a file.
  public init(path: String, position: SourcePosition?) {
    self.init(path: path, line: position?.line ?? 0, column: position?.column ?? 0)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
    return (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// `path:line:col`, dropping the parts that are zero.
  public var description: String {
    guard line > 0 else { return path }
    guard column > 0 else { return "\(path):\(line)" }
    return "\(path):\(line):\(column)"
  }
}

/// A remark attached to a diagnostic, optionally pointing elsewhere.
public struct DiagnosticNote: Sendable, Hashable {
  /// The remark.
  public var message: String
  /// Where it points, if anywhere.
  public var location: SourceLocation?

  /// Creates a note.
  public init(_ message: String, at location: SourceLocation? = nil) {
    self.message = message
    self.location = location
  }
}

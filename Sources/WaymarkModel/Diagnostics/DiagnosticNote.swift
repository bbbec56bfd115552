import StructuredData

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

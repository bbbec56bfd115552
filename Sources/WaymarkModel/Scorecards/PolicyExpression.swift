/// A CEL expression as written in a policy file, with where its text starts.
public struct PolicyExpression: Sendable, Hashable {
  /// The CEL source.
  public var source: String
  /// Where the source text begins (after any quote), for locating compile errors.
  public var location: SourceLocation
  /// Whether the text was written on one line in a plain or quoted scalar, so CEL columns map directly.
  public var isSingleLine: Bool

  /// Creates an expression.
  public init(source: String, location: SourceLocation, isSingleLine: Bool) {
    self.source = source
    self.location = location
    self.isSingleLine = isSingleLine
  }

  /// The file location of a CEL line and column inside this expression.
  public func location(line: Int, column: Int) -> SourceLocation {
    if line <= 1 && isSingleLine {
      return SourceLocation(path: location.path, line: location.line, column: location.column + column - 1)
    }
    if isSingleLine { return location }
    // Block scalars start on the line after the indicator; their columns are the indentation onwards.
    return SourceLocation(path: location.path, line: location.line + line - 1, column: location.column + column - 1)
  }
}

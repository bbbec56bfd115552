import StructuredData

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

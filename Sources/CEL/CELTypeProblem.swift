/// A problem `CELChecker` found in an expression, with where it is.
public struct CELTypeProblem: Sendable, Hashable {
  /// What kind of problem.
  public enum Kind: Sendable, Hashable {
    /// A field the declared object type does not have; `known` are the fields it has.
    case unknownField(path: String, field: String, known: [String])
    /// A field selected on a scalar: it can never evaluate.
    case selectOnScalar(path: String, type: String)
    /// A comparison whose sides can never be equal or ordered.
    case mismatchedComparison(String, left: String, right: String)
    /// The whole expression gives a type other than bool.
    case notBool(String)
  }

  /// The problem.
  public let kind: Kind
  /// 1-based line in the source.
  public let line: Int
  /// 1-based column in the source.
  public let column: Int

  /// Creates a problem.
  public init(kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }
}

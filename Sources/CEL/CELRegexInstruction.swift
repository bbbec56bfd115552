/// One instruction of a compiled pattern (a Thompson NFA laid out as a program).
enum CELRegexInstruction: Sendable, Equatable {
  /// Consumes this scalar.
  case scalar(Unicode.Scalar)
  /// Consumes a scalar that folds (`CELRegexCaseFolding`) to this one.
  case foldedScalar(Unicode.Scalar)
  /// Consumes a scalar of the program's class at this index.
  case set(Int)
  /// Consumes any scalar.
  case any
  /// Consumes any scalar but a line feed.
  case anyButNewline
  /// Goes on only if the test holds here.
  case assertion(CELRegexAssertion)
  /// Goes on at both instructions.
  case split(Int, Int)
  /// Goes on at the instruction.
  case jump(Int)
  /// The pattern has matched.
  case match
}

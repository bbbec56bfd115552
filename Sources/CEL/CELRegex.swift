/// A regular expression in RE2 syntax, as CEL's `matches` specifies, matched in linear time.
///
/// The pattern is parsed (`CELRegexParser`), compiled to a Thompson NFA (`CELRegexCompiler`)
/// and run by `CELRegexMachine`, which keeps the set of live states at each scalar: a match
/// costs at most a small multiple of text length × pattern size steps, whatever the pattern,
/// so a hostile one (`(x+x+)+y`, `(a|a)*b`) cannot backtrack for minutes. Constructs RE2 does
/// not have (backreferences, lookaround, atomic groups, possessive quantifiers) are errors.
/// Matching is over Unicode scalars; `\d`, `\w`, `\s` and `\b` are ASCII, as in RE2.
public struct CELRegex: Sendable {
  /// The pattern as written.
  public let pattern: String
  let program: CELRegexProgram

  /// Compiles `pattern`; the error says what is wrong with it.
  public init(_ pattern: String) throws(CELEvaluationError) {
    var parser = CELRegexParser(pattern)
    program = try CELRegexProgram(try parser.parse(), pattern: pattern)
    self.pattern = pattern
  }

  /// Whether the pattern matches anywhere in `text` (an unanchored search, as in RE2).
  public func matches(_ text: String) -> Bool {
    run(text, wholeText: false).matched == true
  }

  /// Whether the pattern matches the whole of `text`.
  public func wholeMatches(_ text: String) -> Bool {
    run(text, wholeText: true).matched == true
  }

  /// One run that stops once more than `stepLimit` steps are spent, for callers that budget work.
  func run(_ text: String, wholeText: Bool, stepLimit: Int = .max) -> CELRegexMachine.Outcome {
    CELRegexMachine(program: program).run(text, wholeText: wholeText, stepLimit: stepLimit)
  }
}

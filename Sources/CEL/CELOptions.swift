/// How a CEL program is compiled and how much work one evaluation may do.
public struct CELOptions: Sendable, Equatable {
  /// Evaluation steps (nodes visited) allowed per evaluation; beyond it the result is an error.
  public var maxSteps: Int
  /// Comprehension iterations (macro loop turns, all macros together) allowed per evaluation.
  public var maxComprehensionIterations: Int
  /// How deeply expressions may nest: each parenthesis, call, list, map, index, selection and
  /// each operator in a chain counts one level.
  public var maxNestingDepth: Int
  /// Whether `has`, `all`, `exists`, `exists_one`, `map` and `filter` are expanded as macros.
  public var macrosEnabled: Bool
  /// When set, referring to any other variable is a compile error (catches typos early).
  public var declaredVariables: Set<String>?
  /// The namespace for name resolution: with `com.example`, `y` means `com.example.y` if bound.
  public var container: String

  /// The defaults: 1,000,000 steps, 1,000,000 iterations, nesting depth 128, macros on.
  ///
  /// A million steps is a few tens of milliseconds of work: room for a check over ten
  /// thousand documents, while a runaway policy still stops well within a build.
  ///
  /// The nesting depth bounds the recursion of both the parser and the evaluator; cel-spec asks
  /// for at least 12 nested levels and 32-term operator chains, and 128 leaves room for long
  /// `||` chains while staying far from a task's stack size.
  public init(
    maxSteps: Int = 1_000_000, maxComprehensionIterations: Int = 1_000_000, maxNestingDepth: Int = 128,
    macrosEnabled: Bool = true, declaredVariables: Set<String>? = nil, container: String = ""
  ) {
    self.maxSteps = maxSteps
    self.maxComprehensionIterations = maxComprehensionIterations
    self.maxNestingDepth = maxNestingDepth
    self.macrosEnabled = macrosEnabled
    self.declaredVariables = declaredVariables
    self.container = container
  }
}

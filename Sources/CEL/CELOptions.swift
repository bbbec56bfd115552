/// How a CEL program is compiled and how much work one evaluation may do.
public struct CELOptions: Sendable, Equatable {
  /// Evaluation steps (nodes visited) allowed per evaluation; beyond it the result is an error.
  public var maxSteps: Int
  /// Comprehension iterations (macro loop turns, all macros together) allowed per evaluation.
  public var maxComprehensionIterations: Int
  /// How deeply expressions may nest (parentheses, calls, literals, operator chains).
  public var maxNestingDepth: Int
  /// Whether `has`, `all`, `exists`, `exists_one`, `map` and `filter` are expanded as macros.
  public var macrosEnabled: Bool
  /// When set, referring to any other variable is a compile error (catches typos early).
  public var declaredVariables: Set<String>?
  /// The namespace for name resolution: with `com.example`, `y` means `com.example.y` if bound.
  public var container: String

  /// The defaults: 100,000 steps, 100,000 iterations, nesting depth 250, macros on.
  public init(
    maxSteps: Int = 100_000, maxComprehensionIterations: Int = 100_000, maxNestingDepth: Int = 250,
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

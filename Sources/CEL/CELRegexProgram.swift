/// A compiled pattern: instructions for `CELRegexMachine` and the classes they refer to.
struct CELRegexProgram: Sendable {
  /// The most instructions a pattern may compile to (counted repetitions are expanded), as
  /// RE2 bounds a program's memory: matching costs time in proportion to this times the text.
  static let maximumInstructions = 20_000

  var instructions: [CELRegexInstruction] = []
  var classes: [CELRegexCharacterClass] = []
  /// Whether every match must start at the start of the text (`\A…`), so only one start is tried.
  var isAnchoredAtStart = false

  /// Compiles `node`; the error says why the pattern is too large.
  init(_ node: CELRegexNode, pattern: String) throws(CELEvaluationError) {
    var compiler = CELRegexCompiler(pattern: pattern)
    try compiler.emit(node)
    try compiler.append(.match)
    instructions = compiler.instructions
    classes = compiler.classes
    isAnchoredAtStart = Self.startsWithBeginText(node)
  }

  private static func startsWithBeginText(_ node: CELRegexNode) -> Bool {
    switch node {
    case .assertion(.beginText): return true
    case .concatenation(let items): return items.first.map(startsWithBeginText) ?? false
    case .alternation(let alternatives): return alternatives.allSatisfy(startsWithBeginText)
    default: return false
    }
  }
}

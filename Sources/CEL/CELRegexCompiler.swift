/// Lays a `CELRegexNode` tree out as `CELRegexInstruction`s (Thompson's construction).
///
/// Counted repetitions are written out (`a{2,4}` is `aa(a(a)?)?`); the program may not grow past
/// `CELRegexProgram.maximumInstructions`, so `(a{1000}){1000}` is an error, not a million states.
struct CELRegexCompiler {
  let pattern: String
  private(set) var instructions: [CELRegexInstruction] = []
  private(set) var classes: [CELRegexCharacterClass] = []

  init(pattern: String) {
    self.pattern = pattern
  }

  /// Appends one instruction; throws once the program is too large.
  mutating func append(_ instruction: CELRegexInstruction) throws(CELEvaluationError) {
    guard instructions.count < CELRegexProgram.maximumInstructions else {
      throw CELEvaluationError(
        "invalid regular expression '\(pattern)': the pattern is too large (over "
          + "\(CELRegexProgram.maximumInstructions) states once its repetitions are expanded)")
    }
    instructions.append(instruction)
  }

  /// Emits the instructions of `node`.
  mutating func emit(_ node: CELRegexNode) throws(CELEvaluationError) {
    switch node {
    case .empty:
      break
    case .scalar(let scalar, let foldsCase):
      let folded = CELRegexCaseFolding.fold(scalar)
      if foldsCase, folded != scalar || !CELRegexCaseFolding.variants(of: scalar).isEmpty {
        try append(.foldedScalar(folded))
      } else {
        try append(.scalar(scalar))
      }
    case .set(let set):
      if let index = classes.firstIndex(of: set) {
        try append(.set(index))
      } else {
        classes.append(set)
        try append(.set(classes.count - 1))
      }
    case .any(let matchesNewline):
      try append(matchesNewline ? .any : .anyButNewline)
    case .assertion(let assertion):
      try append(.assertion(assertion))
    case .concatenation(let items):
      for item in items { try emit(item) }
    case .alternation(let alternatives):
      try emitAlternation(alternatives[...])
    case .repetition(let body, let minimum, let maximum):
      try emitRepetition(body, minimum: minimum, maximum: maximum)
    }
  }

  /// `a|b|c` as `split(a, split(b, c))`, each branch jumping past the rest (a loop, not
  /// recursion, so ten thousand alternatives cost no stack).
  private mutating func emitAlternation(_ alternatives: ArraySlice<CELRegexNode>) throws(CELEvaluationError) {
    var jumps: [Int] = []
    for (offset, alternative) in alternatives.enumerated() {
      guard offset < alternatives.count - 1 else {
        try emit(alternative)
        break
      }
      let split = instructions.count
      try append(.split(split + 1, 0))
      try emit(alternative)
      jumps.append(instructions.count)
      try append(.jump(0))
      instructions[split] = .split(split + 1, instructions.count)
    }
    for jump in jumps { instructions[jump] = .jump(instructions.count) }
  }

  private mutating func emitRepetition(_ body: CELRegexNode, minimum: Int, maximum: Int?) throws(CELEvaluationError) {
    // The required copies; with no maximum, the last of them loops (`a{2,}` is `a a+`).
    let loopsOnLast = maximum == nil && minimum > 0
    for copy in 0..<minimum {
      let start = instructions.count
      try emit(body)
      if loopsOnLast, copy == minimum - 1 { try append(.split(start, instructions.count + 1)) }
    }
    guard let maximum else {
      if minimum == 0 { try emitStar(body) }
      return
    }
    // The optional copies, nested: each may stop before the next (`a{0,3}` is `(a(a(a)?)?)?`).
    var exits: [Int] = []
    for _ in minimum..<maximum {
      exits.append(instructions.count)
      try append(.split(instructions.count + 1, 0))
      try emit(body)
    }
    for exit in exits { instructions[exit] = .split(exit + 1, instructions.count) }
  }

  /// `a*`: a split that enters the body or leaves, and a jump back to it.
  private mutating func emitStar(_ body: CELRegexNode) throws(CELEvaluationError) {
    let split = instructions.count
    try append(.split(split + 1, 0))
    try emit(body)
    try append(.jump(split))
    instructions[split] = .split(split + 1, instructions.count)
  }
}

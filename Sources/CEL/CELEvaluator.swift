/// Walks a compiled `CELNode` tree against one set of bindings, counting its cost.
///
/// One evaluator serves one evaluation; `CELProgram` makes a fresh one each time, so a program
/// can be evaluated from many tasks at once. Once the step or iteration budget is spent the
/// evaluation is over: the budget error is the result even where `||` would absorb an error.
struct CELEvaluator {
  private let activation: CELActivation
  private var locals: [CELValue]
  private var stepsLeft: Int
  private var iterationsLeft: Int
  private let maxSteps: Int
  private let maxIterations: Int
  /// Set once a budget is exceeded.
  private(set) var exhaustion: CELEvaluationError?

  init(activation: CELActivation, localCount: Int, options: CELOptions) {
    self.activation = activation
    self.locals = localCount == 0 ? [] : Array(repeating: .null, count: localCount)
    self.stepsLeft = options.maxSteps
    self.iterationsLeft = options.maxComprehensionIterations
    self.maxSteps = options.maxSteps
    self.maxIterations = options.maxComprehensionIterations
  }

  /// Evaluates the whole program: the value, or the budget error if a budget ran out.
  mutating func run(_ node: CELNode) -> CELValue {
    let value = evaluate(node)
    if let exhaustion { return .error(exhaustion) }
    return value
  }

  mutating func evaluate(_ node: CELNode) -> CELValue {
    stepsLeft &-= 1
    if stepsLeft < 0 {
      return exhaust("evaluation cost limit exceeded (\(maxSteps) steps)")
    }
    switch node {
    case .constant(let value):
      return value
    case .local(let slot):
      return locals[slot]
    case .binding(let name):
      return activation.value(name) ?? .failure("undeclared reference to '\(name)'")
    case .qualifiedName(let reference):
      return resolve(reference)
    case .select(let operand, let field):
      return Self.select(evaluate(operand), field: field)
    case .optionalSelect(let operand, let field):
      return Self.optionalSelect(evaluate(operand), field: field)
    case .optionalIndex(let operand, let index):
      let container = evaluate(operand)
      let key = evaluate(index)
      if let failed = Self.firstFailure(container, key) { return failed }
      return Self.optionalIndex(container, key)
    case .optionalEntry:
      // The parser makes entries only inside list and map literals, which evaluate them.
      return .failure("optional entry outside a list or map literal")
    case .optionalMap(let operand, let slot, let body, let isFlat):
      return optionalMap(operand, slot: slot, body: body, isFlat: isFlat)
    case .optionalOr(let first, let alternative, let unwrap):
      return optionalOr(first, alternative, unwrap: unwrap)
    case .presenceTest(let operand, let field):
      return Self.presenceTest(evaluate(operand), field: field)
    case .index(let operand, let index):
      let container = evaluate(operand)
      let key = evaluate(index)
      if let failed = Self.firstFailure(container, key) { return failed }
      return Self.index(container, key)
    case .not(let operand):
      switch evaluate(operand) {
      case .bool(let flag): return .bool(!flag)
      case let failed where failed.isErrorOrUnknown: return failed
      case let other: return .noOverload("!_", other)
      }
    case .negate(let operand):
      let value = evaluate(operand)
      return value.isErrorOrUnknown ? value : CELValue.negate(value)
    case .and(let left, let right):
      return logical(left, right, deciding: false)
    case .or(let left, let right):
      return logical(left, right, deciding: true)
    case .conditional(let condition, let whenTrue, let whenFalse):
      switch evaluate(condition) {
      case .bool(true): return evaluate(whenTrue)
      case .bool(false): return evaluate(whenFalse)
      case let failed where failed.isErrorOrUnknown: return failed
      case let other: return .noOverload("_?_:_", other)
      }
    case .binary(let op, let left, let right):
      let leftValue = evaluate(left)
      let rightValue = evaluate(right)
      if let failed = Self.firstFailure(leftValue, rightValue) { return failed }
      let result = Self.apply(op, leftValue, rightValue)
      return op == .add ? charge(forSizeOf: result) : result
    case .call(let function, let arguments):
      var values: [CELValue] = []
      values.reserveCapacity(arguments.count)
      for argument in arguments { values.append(evaluate(argument)) }
      if let failed = Self.firstFailure(values) { return failed }
      if function == .matches, case .string(let text) = values[0], case .string(let pattern) = values[1] {
        do {
          return match(text, try CELRegex(pattern))
        } catch {
          return .error(error)
        }
      }
      return charge(forSizeOf: function.apply(values))
    case .matches(let operand, let regex):
      switch evaluate(operand) {
      case .string(let text): return match(text, regex)
      case let failed where failed.isErrorOrUnknown: return failed
      case let other: return .noOverload("matches", other, .string(regex.pattern))
      }
    case .list(let elements):
      var values: [CELValue] = []
      values.reserveCapacity(elements.count)
      for element in elements {
        if let value = evaluateEntry(element) { values.append(value) }
      }
      return Self.firstFailure(values) ?? .list(values)
    case .map(let keys, let values):
      return buildMap(keys: keys, values: values)
    case .comprehension(let comprehension):
      return evaluate(comprehension)
    case .bind(let slot, let initial, let body):
      locals[slot] = evaluate(initial)
      return evaluate(body)
    case .failure(let error):
      return .error(error)
    }
  }

  /// Records that a budget ran out and returns the error.
  mutating func exhaust(_ message: String) -> CELValue {
    let error = exhaustion ?? CELEvaluationError(message, isBudgetExhaustion: true)
    exhaustion = error
    return .error(error)
  }

  /// Charges one step per 64 bytes or elements of a value an operation built, so that
  /// repeated doubling (`cel.bind(b, a + a, …)`, `replace`) cannot exhaust memory.
  mutating func charge(forSizeOf value: CELValue) -> CELValue {
    let size: Int
    switch value {
    case .string(let text): size = text.utf8.count
    case .bytes(let bytes): size = bytes.count
    case .list(let elements): size = elements.count
    default: return value
    }
    guard size >= 64 else { return value }
    stepsLeft -= size / 64
    if stepsLeft < 0 { return exhaust("evaluation cost limit exceeded (\(maxSteps) steps)") }
    return value
  }

  /// Regex machine steps (`CELRegexMachine`) charged as one evaluation step. A machine step
  /// (one state entered or one scalar tested) measured at about two thirds of a node visit, so
  /// a budget's worth of matching takes at most a few times a budget's worth of other work.
  static let regexStepsPerStep = 4

  /// Whether `regex` matches in `text`, its machine steps charged to the budget: the run stops
  /// with the budget error once the steps left are spent, so no text and pattern can run on.
  mutating func match(_ text: String, _ regex: CELRegex) -> CELValue {
    let limit = max(0, stepsLeft).multipliedReportingOverflow(by: Self.regexStepsPerStep)
    let outcome = regex.run(text, wholeText: false, stepLimit: limit.overflow ? .max : limit.partialValue)
    stepsLeft -= outcome.steps / Self.regexStepsPerStep
    guard let matched = outcome.matched, stepsLeft >= 0 else {
      return exhaust("evaluation cost limit exceeded (\(maxSteps) steps)")
    }
    return .bool(matched)
  }

  /// Spends one comprehension iteration; false once the budget is gone.
  mutating func spendIteration() -> Bool {
    iterationsLeft -= 1
    if iterationsLeft < 0 {
      _ = exhaust("comprehension iteration limit exceeded (\(maxIterations) iterations)")
      return false
    }
    return exhaustion == nil
  }

  mutating func setLocal(_ slot: Int, _ value: CELValue) {
    locals[slot] = value
  }

  // MARK: - Names

  private func resolve(_ reference: CELNameReference) -> CELValue {
    for candidate in reference.candidates {
      guard var value = activation.value(candidate.name, isQualified: candidate.isQualified) else { continue }
      for field in candidate.path { value = Self.select(value, field: field) }
      return value
    }
    return reference.denotation ?? .failure("undeclared reference to '\(reference.name)'")
  }

  // MARK: - Logic

  /// `&&` (deciding value false) and `||` (deciding value true), commutative over errors:
  /// the deciding value wins over an error on either side; otherwise unknowns, then errors, win.
  private mutating func logical(_ left: CELNode, _ right: CELNode, deciding: Bool) -> CELValue {
    let leftValue = evaluate(left)
    if case .bool(deciding) = leftValue { return leftValue }
    let rightValue = evaluate(right)
    if case .bool(let flag) = rightValue {
      if flag == deciding { return rightValue }
      if case .bool = leftValue { return rightValue }
    }
    if let failed = Self.firstFailure(leftValue, rightValue) { return failed }
    return .noOverload(deciding ? "_||_" : "_&&_", leftValue, rightValue)
  }

  /// The failure among operands: unknowns (merged) take precedence over errors, as in cel-go.
  static func firstFailure(_ left: CELValue, _ right: CELValue) -> CELValue? {
    switch (left, right) {
    case (.unknown(let a), .unknown(let b)): return .unknown(a.merged(with: b))
    case (.unknown, _): return left
    case (_, .unknown): return right
    case (.error, _): return left
    case (_, .error): return right
    default: return nil
    }
  }

  static func firstFailure(_ values: [CELValue]) -> CELValue? {
    var failure: CELValue?
    for value in values where value.isErrorOrUnknown {
      guard let existing = failure else {
        failure = value
        continue
      }
      failure = firstFailure(existing, value)
    }
    return failure
  }
}

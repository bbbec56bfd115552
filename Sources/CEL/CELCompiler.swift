/// Turns a parsed `CELExpression` into `CELNode`s: resolves names to slots and calls to functions.
struct CELCompiler {
  private let options: CELOptions
  private let source: String
  /// Binding names the program may read, in order of first reference.
  private(set) var bindingNames: [String] = []
  /// Comprehension variables in scope, innermost last.
  private var scopes: [(name: String, slot: Int)] = []
  /// How many local slots the program needs.
  private(set) var localCount = 0

  init(options: CELOptions, source: String) {
    self.options = options
    self.source = source
  }

  mutating func compile(_ expression: CELExpression) throws(CELError) -> CELNode {
    switch expression {
    case .literal(let value):
      return .constant(value)
    case .identifier(let name, let isRooted, let offset):
      return try resolveName([name], isRooted: isRooted, offset: offset)
    case .select(let operand, let field, _):
      if let (names, isRooted, rootOffset) = Self.nameChain(expression), !isLocal(names[0], isRooted: isRooted) {
        return try resolveName(names, isRooted: isRooted, offset: rootOffset)
      }
      return .select(try compile(operand), field: field)
    case .optionalSelect(let operand, let field):
      return .optionalSelect(try compile(operand), field: field)
    case .optionalIndex(let operand, let index):
      return .optionalIndex(try compile(operand), try compile(index))
    case .optionalEntry(let value):
      return .optionalEntry(try compile(value))
    case .optionalMap(let operand, let variable, let body, let isFlat):
      let operandNode = try compile(operand)
      let slot = enterScope([variable])
      defer { leaveScope([variable]) }
      return .optionalMap(operandNode, slot: slot, body: try compile(body), isFlat: isFlat)
    case .presenceTest(let operand, let field):
      return .presenceTest(try compile(operand), field: field)
    case .index(let operand, let index):
      return .index(try compile(operand), try compile(index))
    case .call(let name, let target, let arguments, let offset):
      return try compileCall(name: name, target: target, arguments: arguments, offset: offset)
    case .list(let elements):
      return foldConstants(.list(try elements.map { (element) throws(CELError) in try compile(element) }))
    case .map(let entries):
      let keys = try entries.map { (entry) throws(CELError) in try compile(entry.key) }
      let values = try entries.map { (entry) throws(CELError) in try compile(entry.value) }
      return foldConstants(.map(keys: keys, values: values))
    case .message(let typeName, _, let offset):
      throw CELError(
        "message construction '\(typeName){…}' is not supported: no protobuf types are known", offset: offset,
        in: source)
    case .unary(.not, let operand):
      return .not(try compile(operand))
    case .unary(.negate, let operand):
      return foldConstants(.negate(try compile(operand)))
    case .binary(let op, let left, let right):
      return foldConstants(.binary(op, try compile(left), try compile(right)))
    case .and(let left, let right):
      return .and(try compile(left), try compile(right))
    case .or(let left, let right):
      return .or(try compile(left), try compile(right))
    case .conditional(let condition, let whenTrue, let whenFalse):
      return .conditional(try compile(condition), try compile(whenTrue), try compile(whenFalse))
    case .comprehension(let kind, let range, let variables, let body):
      let rangeNode = try compile(range)
      let firstSlot = enterScope(variables)
      defer { leaveScope(variables) }
      let compiledBody = try body.map { (part) throws(CELError) in try compile(part) }
      let hasFilter = !kind.hasTransform || compiledBody.count == 2
      return .comprehension(
        CELComprehension(
          kind: kind, range: rangeNode, slot: firstSlot + variables.count - 1,
          indexSlot: variables.count == 2 ? firstSlot : nil, predicate: hasFilter ? compiledBody.first : nil,
          transform: kind.hasTransform ? compiledBody.last : nil))
    case .bind(let variable, let initial, let body):
      let initialNode = try compile(initial)
      let slot = enterScope([variable])
      defer { leaveScope([variable]) }
      return .bind(slot: slot, initial: initialNode, body: try compile(body))
    }
  }

  // MARK: - Names

  /// Brings local variables into scope, each with a fresh slot; returns the first slot.
  private mutating func enterScope(_ variables: [String]) -> Int {
    let firstSlot = localCount
    localCount += variables.count
    for (offset, variable) in variables.enumerated() { scopes.append((variable, firstSlot + offset)) }
    return firstSlot
  }

  private mutating func leaveScope(_ variables: [String]) {
    scopes.removeLast(variables.count)
  }

  private func isLocal(_ name: String, isRooted: Bool) -> Bool {
    !isRooted && scopes.contains { $0.name == name }
  }

  /// `a.b.c` as its names, when the expression is a plain chain of selections on an identifier.
  private static func nameChain(_ expression: CELExpression) -> ([String], Bool, Int)? {
    switch expression {
    case .identifier(let name, let isRooted, let offset): return ([name], isRooted, offset)
    case .select(let operand, let field, _):
      guard let (names, isRooted, offset) = nameChain(operand) else { return nil }
      return (names + [field], isRooted, offset)
    default: return nil
    }
  }

  private mutating func reference(_ name: String) {
    if !bindingNames.contains(name) { bindingNames.append(name) }
  }

  /// The container prefixes to try, most specific first: `a.b` gives `a.b.`, `a.`, ``.
  private var containerPrefixes: [String] {
    var prefixes: [String] = []
    var parts = options.container.split(separator: ".").map(String.init)
    while !parts.isEmpty {
      prefixes.append(parts.joined(separator: ".") + ".")
      parts.removeLast()
    }
    return prefixes + [""]
  }

  private mutating func resolveName(_ names: [String], isRooted: Bool, offset: Int) throws(CELError) -> CELNode {
    if !isRooted, let local = scopes.last(where: { $0.name == names[0] }) {
      return names.dropFirst().reduce(CELNode.local(local.slot)) { .select($0, field: $1) }
    }
    let prefixes = isRooted ? [""] : containerPrefixes
    if let declared = options.declaredVariables {
      let known = (1...names.count).contains { length in
        prefixes.contains { declared.contains($0 + names.prefix(length).joined(separator: ".")) }
      }
      let isDenotation = names.count == 1 && CELType.denotations[names[0]] != nil
      guard known || isDenotation else {
        throw CELError("undeclared reference to '\(names.joined(separator: "."))'", offset: offset, in: source)
      }
    }
    var candidates: [CELNameReference.Candidate] = []
    for length in stride(from: names.count, through: 1, by: -1) {
      let qualified = names.prefix(length).joined(separator: ".")
      for prefix in prefixes {
        let fullName = prefix + qualified
        if let declared = options.declaredVariables, !declared.contains(fullName) { continue }
        reference(fullName)
        candidates.append(
          .init(
            name: fullName, isQualified: fullName.utf8.contains(UInt8(ascii: ".")), path: Array(names.dropFirst(length))
          ))
      }
    }
    var denotation: CELValue?
    if let type = CELType.denotations[names.joined(separator: ".")] {
      denotation = .type(type)
    }
    if candidates.count == 1, candidates[0].path.isEmpty, !candidates[0].isQualified, denotation == nil {
      return .binding(candidates[0].name)
    }
    return .qualifiedName(
      CELNameReference(candidates: candidates, denotation: denotation, name: names.joined(separator: ".")))
  }

  // MARK: - Calls

  private mutating func compileCall(name: String, target: CELExpression?, arguments: [CELExpression], offset: Int)
    throws(CELError) -> CELNode
  {
    // `strings.quote(x)` parses as a method on `strings`; read it as a qualified global name.
    if let target, let (names, isRooted, _) = Self.nameChain(target), !isLocal(names[0], isRooted: isRooted) {
      let qualified = (names + [name]).joined(separator: ".")
      if let function = CELFunction.resolve(name: qualified, receiverStyle: false, arity: arguments.count) {
        return .call(function, try arguments.map { (argument) throws(CELError) in try compile(argument) })
      }
    }
    if let target, arguments.count == 1, name == "or" || name == "orValue" {
      return .optionalOr(try compile(target), try compile(arguments[0]), unwrap: name == "orValue")
    }
    var nodes: [CELNode] = []
    if let target { nodes.append(try compile(target)) }
    for argument in arguments { nodes.append(try compile(argument)) }
    guard let function = CELFunction.resolve(name: name, receiverStyle: target != nil, arity: arguments.count) else {
      // Unknown functions fail at evaluation, so `f(x) || true` is still true (basic/functions).
      return .failure(CELEvaluationError("no such function: '\(name)' with \(arguments.count) argument(s)"))
    }
    if function == .matches, case .constant(.string(let pattern)) = nodes[1] {
      do {
        return .matches(nodes[0], try CELRegex(pattern))
      } catch {
        throw CELError(error.message, offset: offset, in: source)
      }
    }
    return .call(function, nodes)
  }

  // MARK: - Constant folding

  /// Evaluates an operation whose operands are all constants once, at compile time.
  private func foldConstants(_ node: CELNode) -> CELNode {
    let operands: [CELNode]
    switch node {
    case .list(let elements): operands = elements
    case .map(let keys, let values): operands = keys + values
    case .negate(let operand): operands = [operand]
    case .binary(_, let left, let right): operands = [left, right]
    default: return node
    }
    guard operands.allSatisfy({ if case .constant = $0 { return true } else { return false } }) else { return node }
    var evaluator = CELEvaluator(activation: CELActivation([:]), localCount: 0, options: options)
    let value = evaluator.evaluate(node)
    // Errors stay nodes so they surface at evaluation, where `||` may still absorb them.
    return value.isErrorOrUnknown ? node : .constant(value)
  }
}

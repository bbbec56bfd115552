/// Expands the standard macros (`has`, `all`, `exists`, `exists_one`, `map`, `filter`) while parsing.
///
/// A call that has a macro's name but not its shape (`list.map(f)`) stays an ordinary call, as in
/// cel-go; a call with the right shape but a wrong argument (`has(m['k'])`) is a parse error.
struct CELMacroExpander {
  let parser: CELParser
  let options: CELOptions

  /// `name(arguments)` with no receiver.
  func expandGlobal(name: String, arguments: [CELExpression], offset: Int) throws(CELError) -> CELExpression {
    guard options.macrosEnabled, name == "has", arguments.count == 1 else {
      return .call(name: name, target: nil, arguments: arguments, offset: offset)
    }
    guard case .select(let operand, let field, _) = arguments[0] else {
      throw parser.error("has() argument must be a field selection, such as has(a.b)", at: offset)
    }
    return .presenceTest(operand, field: field)
  }

  /// `target.name(arguments)`.
  func expandMethod(name: String, target: CELExpression, arguments: [CELExpression], offset: Int) throws(CELError)
    -> CELExpression
  {
    guard options.macrosEnabled else {
      return .call(name: name, target: target, arguments: arguments, offset: offset)
    }
    if case .identifier("cel", isRooted: false, _) = target {
      if let expanded = try expandCelNamespace(name: name, arguments: arguments, offset: offset) { return expanded }
    }
    if name == "optMap" || name == "optFlatMap", arguments.count == 2 {
      let variable = try variableName(arguments[0], macro: "\(name)()", offset: offset)
      return .optionalMap(target, variable: variable, body: arguments[1], isFlat: name == "optFlatMap")
    }
    let kind: CELComprehensionKind
    let variableCount: Int
    switch (name, arguments.count) {
    case ("all", 2), ("all", 3): (kind, variableCount) = (.all, arguments.count - 1)
    case ("exists", 2), ("exists", 3): (kind, variableCount) = (.exists, arguments.count - 1)
    case ("exists_one", 2), ("existsOne", 2), ("existsOne", 3):
      (kind, variableCount) = (.existsOne, arguments.count - 1)
    case ("map", 2), ("map", 3): (kind, variableCount) = (.map, 1)
    case ("filter", 2): (kind, variableCount) = (.filter, 1)
    case ("transformList", 3), ("transformList", 4): (kind, variableCount) = (.transformList, 2)
    case ("transformMap", 3), ("transformMap", 4): (kind, variableCount) = (.transformMap, 2)
    default: return .call(name: name, target: target, arguments: arguments, offset: offset)
    }
    var variables: [String] = []
    for argument in arguments.prefix(variableCount) {
      variables.append(try variableName(argument, macro: "\(name)()", offset: offset))
    }
    if variables.count == 2, variables[0] == variables[1] {
      throw parser.error("\(name)() needs two different variable names", at: offset)
    }
    return .comprehension(kind, range: target, variables: variables, body: Array(arguments.dropFirst(variableCount)))
  }

  private func variableName(_ argument: CELExpression, macro: String, offset: Int) throws(CELError) -> String {
    guard case .identifier(let variable, isRooted: false, _) = argument else {
      throw parser.error("\(macro) expects a simple variable name as its first argument", at: offset)
    }
    return variable
  }

  /// `cel.bind(x, init, body)`, and the optimiser's `cel.block([e0, e1, …], result)` with its
  /// `cel.index(i)`, `cel.iterVar(i, j)` and `cel.accuVar(i, j)` references. The references
  /// become names starting with `@`, which source text cannot spell, and a block becomes
  /// nested bindings of `@index0`, `@index1`, ….
  private func expandCelNamespace(name: String, arguments: [CELExpression], offset: Int) throws(CELError)
    -> CELExpression?
  {
    func integer(_ expression: CELExpression) -> Int64? {
      if case .literal(.int(let value)) = expression { return value }
      return nil
    }
    switch (name, arguments.count) {
    case ("bind", 3):
      let variable = try variableName(arguments[0], macro: "cel.bind", offset: offset)
      return .bind(variable: variable, initial: arguments[1], body: arguments[2])
    case ("index", 1):
      guard let slot = integer(arguments[0]) else {
        throw parser.error("cel.index() expects an integer literal", at: offset)
      }
      return .identifier("@index\(slot)", isRooted: false, offset: offset)
    case ("iterVar", 2), ("accuVar", 2):
      guard let first = integer(arguments[0]), let second = integer(arguments[1]) else {
        throw parser.error("cel.\(name)() expects two integer literals", at: offset)
      }
      return .identifier("@\(name):\(first):\(second)", isRooted: false, offset: offset)
    case ("block", 2):
      guard case .list(let bindings) = arguments[0] else {
        throw parser.error("cel.block() expects a list of expressions as its first argument", at: offset)
      }
      // Each entry nests one binding deeper, so entries count against the nesting limit.
      guard bindings.count <= options.maxNestingDepth else {
        throw parser.error(
          "cel.block() has more entries than the nesting limit (\(options.maxNestingDepth))", at: offset)
      }
      return bindings.enumerated().reversed().reduce(arguments[1]) { body, binding in
        .bind(variable: "@index\(binding.offset)", initial: binding.element, body: body)
      }
    default:
      return nil
    }
  }
}

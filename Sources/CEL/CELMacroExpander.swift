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
    let kind: CELComprehensionKind
    switch (name, arguments.count) {
    case ("all", 2): kind = .all
    case ("exists", 2): kind = .exists
    case ("exists_one", 2), ("existsOne", 2): kind = .existsOne
    case ("map", 2), ("map", 3): kind = .map
    case ("filter", 2): kind = .filter
    default: return .call(name: name, target: target, arguments: arguments, offset: offset)
    }
    guard options.macrosEnabled else {
      return .call(name: name, target: target, arguments: arguments, offset: offset)
    }
    guard case .identifier(let variable, isRooted: false, _) = arguments[0] else {
      throw parser.error("\(name)() expects a simple variable name as its first argument", at: offset)
    }
    return .comprehension(kind, range: target, variable: variable, body: Array(arguments.dropFirst()))
  }
}

/// Type-checks an expression against declared variable types, as cel-go's checker does.
///
/// It knows nothing of any application: callers declare their variables' types and turn the
/// problems into their own diagnostics. Anything typed `dyn` is not checked, so it never reports
/// what could evaluate; undeclared variables are left to the compiler (`declaredVariables`).
public struct CELChecker: Sendable {
  /// The type of each variable.
  public let declarations: [String: CELDeclaredType]
  /// The options the source is parsed with.
  public let options: CELOptions

  /// Creates a checker.
  public init(declarations: [String: CELDeclaredType], options: CELOptions = .init()) {
    self.declarations = declarations
    self.options = options
  }

  /// The problems in `source`; `expectBool` adds one when the whole expression is not a bool.
  /// A source that does not parse gives none (the compiler reports it).
  public func problems(in source: String, expectBool: Bool = true) -> [CELTypeProblem] {
    guard var parser = try? CELParser(source: source, options: options), let expression = try? parser.parse() else {
      return []
    }
    var walk = Walk(declarations: declarations, source: source)
    let result = walk.type(of: expression, locals: [:])
    let type = Walk.unwrapped(result.type)
    if expectBool, type != .dyn, type != .bool {
      walk.report(.notBool(result.type.description), at: Walk.offset(of: expression))
    }
    return walk.problems
  }
}

extension CELChecker {
  /// One pass over the tree: each node's type and, for variable paths, its dotted path.
  struct Walk {
    let declarations: [String: CELDeclaredType]
    let source: String
    var problems: [CELTypeProblem] = []

    typealias Typed = (type: CELDeclaredType, path: String?)

    mutating func report(_ kind: CELTypeProblem.Kind, at offset: Int) {
      let position = CELError("", offset: offset, in: source)
      problems.append(CELTypeProblem(kind: kind, line: position.line, column: position.column))
    }

    mutating func type(of expression: CELExpression, locals: [String: CELDeclaredType]) -> Typed {
      switch expression {
      case .literal(let value): return (.of(value), nil)
      case .identifier(let name, _, _):
        if let local = locals[name] { return (local, nil) }
        return (declarations[name] ?? .dyn, declarations[name] == nil ? nil : name)
      case .select(let target, let field, let offset):
        return select(field, on: type(of: target, locals: locals), at: offset)
      case .presenceTest(let target, let field):
        _ = select(field, on: type(of: target, locals: locals), at: Self.offset(of: target))
        return (.bool, nil)
      case .index(let target, let key):
        let container = type(of: target, locals: locals)
        _ = type(of: key, locals: locals)
        switch Self.unwrapped(container.type) {
        case .list(let element), .map(let element): return (element, nil)
        default: return (.dyn, nil)
        }
      case .call(let name, let target, let arguments, _):
        if let target { _ = type(of: target, locals: locals) }
        for argument in arguments { _ = type(of: argument, locals: locals) }
        return (Self.result(ofCall: name), nil)
      case .list(let elements):
        let types = elements.map { type(of: $0, locals: locals).type }
        return (.list(Set(types).count == 1 ? types[0] : .dyn), nil)
      case .map(let entries):
        for entry in entries {
          _ = type(of: entry.key, locals: locals)
          _ = type(of: entry.value, locals: locals)
        }
        return (.map(.dyn), nil)
      case .unary(let op, let operand):
        let inner = type(of: operand, locals: locals)
        return (op == .not ? .bool : inner.type, nil)
      case .binary(let op, let left, let right):
        return (binary(op, left, right, locals: locals), nil)
      case .and(let left, let right), .or(let left, let right):
        _ = type(of: left, locals: locals)
        _ = type(of: right, locals: locals)
        return (.bool, nil)
      case .conditional(let condition, let then, let otherwise):
        _ = type(of: condition, locals: locals)
        let (a, b) = (type(of: then, locals: locals).type, type(of: otherwise, locals: locals).type)
        return (a == b ? a : .dyn, nil)
      case .comprehension(let kind, let range, let variables, let body):
        return (comprehension(kind, range: range, variables: variables, body: body, locals: locals), nil)
      case .bind(let variable, let initial, let body):
        var inner = locals
        inner[variable] = type(of: initial, locals: locals).type
        return type(of: body, locals: inner)
      default:
        return (.dyn, nil)
      }
    }
  }
}

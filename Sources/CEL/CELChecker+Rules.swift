extension CELChecker.Walk {
  /// `target.field`: the field's declared type, or a problem when it cannot be there.
  mutating func select(_ field: String, on target: Typed, at offset: Int) -> Typed {
    let path = target.path.map { "\($0).\(field)" }
    switch Self.unwrapped(target.type) {
    case .object(let fields):
      if let type = fields[field] { return (type, path) }
      report(.unknownField(path: target.path ?? "", field: field, known: fields.keys.sorted()), at: offset)
      return (.dyn, nil)
    case .map(let value): return (value, path)
    case let scalar where scalar.isScalar:
      report(.selectOnScalar(path: path ?? field, type: scalar.description), at: offset)
      return (.dyn, nil)
    default: return (.dyn, path)
    }
  }

  /// Comparisons of types that can never match are problems; `in` needs a list or map on the right.
  mutating func binary(
    _ op: CELBinaryOperator, _ left: CELExpression, _ right: CELExpression, locals: [String: CELDeclaredType]
  )
    -> CELDeclaredType
  {
    let a = Self.unwrapped(type(of: left, locals: locals).type)
    let b = Self.unwrapped(type(of: right, locals: locals).type)
    switch op {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
      if let x = a.family, let y = b.family, x != y, a != .null, b != .null {
        report(.mismatchedComparison(op.symbol, left: a.description, right: b.description), at: Self.offset(of: left))
      }
      return .bool
    case .in:
      if b.isScalar {
        report(.mismatchedComparison("in", left: a.description, right: b.description), at: Self.offset(of: right))
      }
      return .bool
    case .add, .subtract, .multiply, .divide, .remainder:
      return a == b ? a : .dyn
    }
  }

  mutating func comprehension(
    _ kind: CELComprehensionKind, range: CELExpression, variables: [String], body: [CELExpression],
    locals: [String: CELDeclaredType]
  ) -> CELDeclaredType {
    let container = Self.unwrapped(type(of: range, locals: locals).type)
    var inner = locals
    let element: CELDeclaredType
    switch container {
    case .list(let type): element = type
    case .map, .object: element = .string
    default: element = .dyn
    }
    if variables.count == 2 {
      inner[variables[0]] = container.family == "list" ? .int : element
      if case .map(let value) = container {
        inner[variables[1]] = value
      } else if case .list(let value) = container {
        inner[variables[1]] = value
      } else {
        inner[variables[1]] = .dyn
      }
    } else if let variable = variables.first {
      inner[variable] = element
    }
    for part in body { _ = type(of: part, locals: inner) }
    switch kind {
    case .all, .exists, .existsOne: return .bool
    case .filter: return .list(element)
    case .map, .transformList: return .list(.dyn)
    case .transformMap: return .map(.dyn)
    }
  }

  /// The result type of the standard functions whose result does not depend on their arguments.
  static func result(ofCall name: String) -> CELDeclaredType {
    switch name {
    case "size", "int", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
      "getHours",
      "getMinutes", "getSeconds", "getMilliseconds", "indexOf", "lastIndexOf":
      return .int
    case "contains", "startsWith", "endsWith", "matches", "exists", "all", "exists_one", "has", "bool", "hasValue":
      return .bool
    case "string", "lowerAscii", "upperAscii", "trim", "replace", "substring", "join", "format", "charAt":
      return .string
    case "double": return .double
    case "timestamp": return .timestamp
    case "duration": return .duration
    default: return .dyn
    }
  }

  static func unwrapped(_ type: CELDeclaredType) -> CELDeclaredType {
    if case .nullable(let wrapped) = type { return wrapped }
    return type
  }

  /// The first source offset inside `expression`, for locating a problem on a node without one.
  static func offset(of expression: CELExpression) -> Int {
    switch expression {
    case .identifier(_, _, let offset), .call(_, _, _, let offset), .message(_, _, let offset): return offset
    case .select(let target, _, let offset): return min(offset, Self.offset(of: target))
    case .presenceTest(let target, _), .optionalSelect(let target, _), .unary(_, let target),
      .optionalEntry(let target):
      return offset(of: target)
    case .index(let target, _), .optionalIndex(let target, _), .binary(_, let target, _), .and(let target, _),
      .or(let target, _), .conditional(let target, _, _):
      return offset(of: target)
    case .comprehension(_, let range, _, _): return offset(of: range)
    case .optionalMap(let target, _, _, _): return offset(of: target)
    case .bind(_, let initial, _): return offset(of: initial)
    case .literal, .list, .map: return 0
    }
  }
}

/// The parsed syntax tree of a CEL expression, with macros already expanded.
///
/// Offsets are UTF-8 byte offsets into the source, kept where the compiler may report an error.
indirect enum CELExpression {
  case literal(CELValue)
  /// A name; `isRooted` for a leading dot (`.y`), which skips the container and local variables.
  case identifier(String, isRooted: Bool, offset: Int)
  case select(CELExpression, field: String, offset: Int)
  /// `e.?f`: an optional of the field, none when absent.
  case optionalSelect(CELExpression, field: String)
  /// `e[?k]`: an optional of the element, none when absent.
  case optionalIndex(CELExpression, CELExpression)
  /// `?e` as a list element or map value: included only when the optional `e` has a value.
  case optionalEntry(CELExpression)
  /// `e.optMap(x, t)` and `e.optFlatMap(x, t)`.
  case optionalMap(CELExpression, variable: String, body: CELExpression, isFlat: Bool)
  /// `has(e.f)`.
  case presenceTest(CELExpression, field: String)
  case index(CELExpression, CELExpression)
  case call(name: String, target: CELExpression?, arguments: [CELExpression], offset: Int)
  case list([CELExpression])
  case map([(key: CELExpression, value: CELExpression)])
  /// A message construction `T{f: v}`; parsed for completeness, refused by the compiler.
  case message(typeName: String, fields: [(name: String, value: CELExpression)], offset: Int)
  case unary(CELUnaryOperator, CELExpression)
  case binary(CELBinaryOperator, CELExpression, CELExpression)
  case and(CELExpression, CELExpression)
  case or(CELExpression, CELExpression)
  case conditional(CELExpression, CELExpression, CELExpression)
  /// A macro loop; `variables` holds one name, or two (index or key, then value) for the
  /// two-variable forms.
  case comprehension(CELComprehensionKind, range: CELExpression, variables: [String], body: [CELExpression])
  /// `cel.bind(name, initial, body)`: `body` with `name` bound to `initial`.
  case bind(variable: String, initial: CELExpression, body: CELExpression)
}

/// `!` and unary `-`.
enum CELUnaryOperator: Sendable {
  case not, negate
}

/// The strict binary operators (all but `&&` and `||`).
enum CELBinaryOperator: Sendable {
  case add, subtract, multiply, divide, remainder
  case equal, notEqual, less, lessEqual, greater, greaterEqual, `in`

  init?(_ symbol: CELToken.Symbol) {
    switch symbol {
    case .plus: self = .add
    case .minus: self = .subtract
    case .star: self = .multiply
    case .slash: self = .divide
    case .percent: self = .remainder
    case .equal: self = .equal
    case .notEqual: self = .notEqual
    case .less: self = .less
    case .lessEqual: self = .lessEqual
    case .greater: self = .greater
    case .greaterEqual: self = .greaterEqual
    default: return nil
    }
  }

  /// The operator as written, for error messages.
  var symbol: String {
    switch self {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .divide: return "/"
    case .remainder: return "%"
    case .equal: return "=="
    case .notEqual: return "!="
    case .less: return "<"
    case .lessEqual: return "<="
    case .greater: return ">"
    case .greaterEqual: return ">="
    case .in: return "in"
    }
  }
}

/// The comprehension macros; `body` holds the predicate or transform expressions in source order.
enum CELComprehensionKind: Sendable {
  /// `e.all(x, p)`.
  case all
  /// `e.exists(x, p)`.
  case exists
  /// `e.exists_one(x, p)`.
  case existsOne
  /// `e.map(x, t)`, or `e.map(x, p, t)` with a filter.
  case map
  /// `e.filter(x, p)`.
  case filter
  /// `e.transformList(i, v, t)` or `e.transformList(i, v, p, t)`: a list of transforms.
  case transformList
  /// `e.transformMap(k, v, t)` or `e.transformMap(k, v, p, t)`: a map of the same keys.
  case transformMap

  /// Whether the body ends with a transform (as opposed to being only a predicate).
  var hasTransform: Bool {
    switch self {
    case .map, .transformList, .transformMap: return true
    case .all, .exists, .existsOne, .filter: return false
    }
  }
}

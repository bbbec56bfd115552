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

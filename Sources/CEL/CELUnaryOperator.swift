/// `!` and unary `-`.
enum CELUnaryOperator: Sendable {
  case not, negate
}

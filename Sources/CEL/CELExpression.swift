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

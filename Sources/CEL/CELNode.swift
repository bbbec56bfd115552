/// A compiled expression: a tree of pre-resolved operations that the evaluator walks.
///
/// Names are resolved to slots and functions to `CELFunction` cases at compile time, so an
/// evaluation does no string lookups of operators or functions.
indirect enum CELNode: Sendable {
  case constant(CELValue)
  /// A comprehension variable, by local slot.
  case local(Int)
  /// A variable with a single, unqualified candidate name.
  case binding(String)
  /// A possibly qualified name with several candidate bindings (`a.b.c`, containers).
  case qualifiedName(CELNameReference)
  case select(CELNode, field: String)
  case optionalSelect(CELNode, field: String)
  case optionalIndex(CELNode, CELNode)
  /// A list element or map value that is included only when its optional has a value.
  case optionalEntry(CELNode)
  /// `optMap`/`optFlatMap`: binds the optional's value to a slot and evaluates the body.
  case optionalMap(CELNode, slot: Int, body: CELNode, isFlat: Bool)
  /// `a.or(b)` (unwrap false) and `a.orValue(b)` (unwrap true): `b` is evaluated only when `a` is none.
  case optionalOr(CELNode, CELNode, unwrap: Bool)
  case presenceTest(CELNode, field: String)
  case index(CELNode, CELNode)
  case not(CELNode)
  case negate(CELNode)
  case and(CELNode, CELNode)
  case or(CELNode, CELNode)
  case conditional(CELNode, CELNode, CELNode)
  case binary(CELBinaryOperator, CELNode, CELNode)
  case call(CELFunction, [CELNode])
  /// `matches` against a pattern known at compile time, compiled once.
  case matches(CELNode, CELRegex)
  case list([CELNode])
  case map(keys: [CELNode], values: [CELNode])
  case comprehension(CELComprehension)
  /// `cel.bind`: evaluates the initial value into a local slot, then the body.
  case bind(slot: Int, initial: CELNode, body: CELNode)
  case failure(CELEvaluationError)
}

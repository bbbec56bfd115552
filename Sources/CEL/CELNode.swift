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

/// The candidate readings of a name, most specific first (§ Name Resolution).
struct CELNameReference: Sendable {
  /// A binding name and the fields still to select from it: `a.b.c` may be binding `a.b` then `.c`.
  struct Candidate: Sendable {
    let name: String
    let isQualified: Bool
    let path: [String]
  }

  let candidates: [Candidate]
  /// The type value the name denotes if no binding matches (`int`, `google.protobuf.Timestamp`).
  let denotation: CELValue?
  /// The name as written, for the error when nothing matches.
  let name: String
}

/// A compiled macro: range, loop variable slots and the predicate and/or transform.
struct CELComprehension: Sendable {
  let kind: CELComprehensionKind
  let range: CELNode
  /// The slot of the (last) loop variable: the element of a list, the key of a map — or, in
  /// the two-variable forms, the value.
  let slot: Int
  /// The slot of the first variable of the two-variable forms: a list index or a map key.
  let indexSlot: Int?
  /// The condition of `all`, `exists`, `exists_one`, `filter`, and the optional filter of
  /// `map`, `transformList` and `transformMap`.
  let predicate: CELNode?
  /// The transform of `map`, `transformList` and `transformMap`.
  let transform: CELNode?
}

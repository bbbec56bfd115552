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

/// A compiled macro: range, loop variable slot and the predicate and/or transform.
struct CELComprehension: Sendable {
  let kind: CELComprehensionKind
  let range: CELNode
  let slot: Int
  /// The condition of `all`, `exists`, `exists_one`, `filter`, and of the 3-argument `map`.
  let predicate: CELNode?
  /// The transform of `map`.
  let transform: CELNode?
}

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

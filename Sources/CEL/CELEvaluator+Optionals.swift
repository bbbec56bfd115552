/// Optional selection and indexing (`a.?b`, `a[?k]`), selection through an optional value,
/// optional entries in literals, `optMap`/`optFlatMap` and `or`/`orValue`.
extension CELEvaluator {
  /// `operand.?field`: an optional of the field, none when the map lacks it. Plain selection
  /// on an optional value (`optional.of(m).f`) behaves the same way.
  static func optionalSelect(_ operand: CELValue, field: String) -> CELValue {
    switch operand {
    case .optional(let wrapped):
      guard let wrapped else { return operand }
      return optionalSelect(wrapped, field: field)
    case .map(let map):
      return .optional(map[field])
    case .error, .unknown:
      return operand
    default:
      return select(operand, field: field)
    }
  }

  /// `container[?key]`: an optional of the element, none when absent or out of range. Plain
  /// indexing of an optional value (`optional.of(list)[0]`) behaves the same way.
  static func optionalIndex(_ container: CELValue, _ key: CELValue) -> CELValue {
    switch container {
    case .optional(let wrapped):
      guard let wrapped else { return container }
      return optionalIndex(wrapped, key)
    case .map(let map):
      guard let mapKey = mapKey(forLookup: key) else { return .optional(.none) }
      return .optional(map[mapKey])
    case .list(let elements):
      guard let position = listPosition(key) else { return index(container, key) }
      return .optional(position >= 0 && position < elements.count ? elements[Int(position)] : nil)
    default:
      return index(container, key)
    }
  }

  /// A list element or map value: nil to leave an `?e` entry out when its optional is none.
  mutating func evaluateEntry(_ node: CELNode) -> CELValue? {
    guard case .optionalEntry(let inner) = node else { return evaluate(node) }
    let value = evaluate(inner)
    switch value {
    case .optional(let wrapped): return wrapped
    case .error, .unknown: return value
    default: return .noOverload("?_", value)
    }
  }

  mutating func optionalMap(_ operand: CELNode, slot: Int, body: CELNode, isFlat: Bool) -> CELValue {
    let value = evaluate(operand)
    switch value {
    case .optional(let wrapped):
      guard let wrapped else { return value }
      setLocal(slot, wrapped)
      let result = evaluate(body)
      if result.isErrorOrUnknown { return result }
      if !isFlat { return .optional(result) }
      if case .optional = result { return result }
      return .noOverload("optFlatMap", result)
    case .error, .unknown:
      return value
    default:
      return .noOverload(isFlat ? "optFlatMap" : "optMap", value)
    }
  }

  mutating func optionalOr(_ first: CELNode, _ alternative: CELNode, unwrap: Bool) -> CELValue {
    let value = evaluate(first)
    switch value {
    case .optional(let wrapped?): return unwrap ? wrapped : value
    case .optional(.none):
      let other = evaluate(alternative)
      if unwrap || other.isErrorOrUnknown { return other }
      if case .optional = other { return other }
      return .noOverload("or", value, other)
    case .error, .unknown: return value
    default: return .noOverload(unwrap ? "orValue" : "or", value)
    }
  }
}

/// Field selection, indexing, `in`, map literals and the strict binary operators.
extension CELEvaluator {
  static func select(_ operand: CELValue, field: String) -> CELValue {
    switch operand {
    case .map(let map):
      return map[field] ?? .failure("no such key: '\(field)'")
    case .optional:
      return optionalSelect(operand, field: field)
    case .error, .unknown:
      return operand
    default:
      return .failure("type '\(operand.celType.name)' does not support field selection")
    }
  }

  static func presenceTest(_ operand: CELValue, field: String) -> CELValue {
    switch operand {
    case .map(let map): return .bool(map[field] != nil)
    case .optional(let wrapped): return wrapped.map { presenceTest($0, field: field) } ?? .bool(false)
    case .error, .unknown: return operand
    default: return .failure("type '\(operand.celType.name)' does not support field presence tests")
    }
  }

  static func index(_ container: CELValue, _ key: CELValue) -> CELValue {
    switch container {
    case .list(let elements):
      guard let position = listPosition(key) else {
        if case .double(let value) = key { return .failure("invalid list index \(value)") }
        return .noOverload("_[_]", container, key)
      }
      guard position >= 0, position < elements.count else {
        return .failure("index out of range: \(position) (list of size \(elements.count))")
      }
      return elements[Int(position)]
    case .map(let map):
      guard let mapKey = mapKey(forLookup: key), let value = map[mapKey] else {
        return .failure("no such key: \(key)")
      }
      return value
    case .optional:
      return optionalIndex(container, key)
    default:
      return .noOverload("_[_]", container, key)
    }
  }

  /// The list position `key` denotes: ints, uints, and doubles with an integral value
  /// (`[7, 8][dyn(0.0)]` is 7); nil for other keys. Out-of-range uints give -1.
  static func listPosition(_ key: CELValue) -> Int64? {
    switch key {
    case .int(let value): return value
    case .uint(let value): return value > UInt64(Int64.max) ? -1 : Int64(value)
    case .double(let value): return Int64(exactly: value)
    default: return nil
    }
  }

  /// The key to look up for `key`: doubles with an integral value find int and uint keys.
  static func mapKey(forLookup key: CELValue) -> CELMapKey? {
    if case .double(let value) = key {
      if let whole = Int64(exactly: value) { return .int(whole) }
      if let whole = UInt64(exactly: value) { return .uint(whole) }
      return nil
    }
    return CELMapKey(key)
  }

  static func apply(_ op: CELBinaryOperator, _ left: CELValue, _ right: CELValue) -> CELValue {
    switch op {
    case .add: return CELValue.add(left, right)
    case .subtract: return CELValue.subtract(left, right)
    case .multiply: return CELValue.multiply(left, right)
    case .divide: return CELValue.divide(left, right)
    case .remainder: return CELValue.remainder(left, right)
    case .equal: return .bool(left.celEquals(right))
    case .notEqual: return .bool(!left.celEquals(right))
    case .less, .lessEqual, .greater, .greaterEqual:
      guard let ordering = left.compare(right) else { return .noOverload("_\(op.symbol)_", left, right) }
      switch (op, ordering) {
      case (_, .unordered): return .bool(false)
      case (.less, .less), (.lessEqual, .less), (.lessEqual, .equal): return .bool(true)
      case (.greater, .greater), (.greaterEqual, .greater), (.greaterEqual, .equal): return .bool(true)
      default: return .bool(false)
      }
    case .in:
      return contains(right, left)
    }
  }

  /// `element in collection`: CEL equality over a list, key presence in a map.
  static func contains(_ collection: CELValue, _ element: CELValue) -> CELValue {
    switch collection {
    case .list(let elements):
      return .bool(elements.contains { $0.celEquals(element) })
    case .map(let map):
      guard let key = mapKey(forLookup: element) else { return .bool(false) }
      return .bool(map[key] != nil)
    default:
      return .noOverload("@in", element, collection)
    }
  }

  mutating func buildMap(keys: [CELNode], values: [CELNode]) -> CELValue {
    var map = CELMap()
    var failure: CELValue?
    for (keyNode, valueNode) in zip(keys, values) {
      let key = evaluate(keyNode)
      guard let value = evaluateEntry(valueNode) else { continue }
      if let failed = Self.firstFailure(key, value) {
        failure = failure.flatMap { Self.firstFailure($0, failed) } ?? failed
        continue
      }
      guard let mapKey = CELMapKey(key) else {
        failure = failure ?? .failure("unsupported key type '\(key.celType.name)' in map literal")
        continue
      }
      if !map.insert(value, for: mapKey) {
        failure = failure ?? .failure("repeated key \(mapKey) in map literal")
      }
    }
    return failure ?? .map(map)
  }
}

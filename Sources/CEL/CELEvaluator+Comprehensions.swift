/// The comprehension macros: `all`, `exists`, `exists_one`, `map` and `filter` (§ Macros).
extension CELEvaluator {
  mutating func evaluate(_ comprehension: CELComprehension) -> CELValue {
    let range = evaluate(comprehension.range)
    let items: [CELValue]
    switch range {
    case .list(let elements): items = elements
    case .map(let map): items = map.keys.map(\.value)
    case .error, .unknown: return range
    default: return .failure("cannot iterate over a value of type '\(range.celType.name)'")
    }
    switch comprehension.kind {
    case .all: return quantify(comprehension, items, deciding: false)
    case .exists: return quantify(comprehension, items, deciding: true)
    case .existsOne: return existsOne(comprehension, items)
    case .map, .filter: return transform(comprehension, items)
    }
  }

  /// `all` (deciding value false) and `exists` (deciding value true): like a chain of `&&` or
  /// `||`, the deciding value ends the loop and wins over errors met on the way.
  private mutating func quantify(_ comprehension: CELComprehension, _ items: [CELValue], deciding: Bool) -> CELValue {
    guard let predicate = comprehension.predicate else { return .failure("macro without predicate") }
    var failure: CELValue?
    for item in items {
      guard spendIteration() else { return .error(exhaustion ?? CELEvaluationError("cost limit exceeded")) }
      setLocal(comprehension.slot, item)
      let result = evaluate(predicate)
      switch result {
      case .bool(deciding): return result
      case .bool: continue
      case .error, .unknown: failure = failure.flatMap { Self.firstFailure($0, result) } ?? result
      default: failure = failure ?? .noOverload(deciding ? "exists" : "all", result)
      }
    }
    return failure ?? .bool(!deciding)
  }

  private mutating func existsOne(_ comprehension: CELComprehension, _ items: [CELValue]) -> CELValue {
    guard let predicate = comprehension.predicate else { return .failure("macro without predicate") }
    var count = 0
    for item in items {
      guard spendIteration() else { return .error(exhaustion ?? CELEvaluationError("cost limit exceeded")) }
      setLocal(comprehension.slot, item)
      switch evaluate(predicate) {
      case .bool(let flag): count += flag ? 1 : 0
      case let failed where failed.isErrorOrUnknown: return failed
      case let other: return .noOverload("exists_one", other)
      }
    }
    return .bool(count == 1)
  }

  /// `map` (with an optional filter) and `filter`; any error is the result.
  private mutating func transform(_ comprehension: CELComprehension, _ items: [CELValue]) -> CELValue {
    var results: [CELValue] = []
    for item in items {
      guard spendIteration() else { return .error(exhaustion ?? CELEvaluationError("cost limit exceeded")) }
      setLocal(comprehension.slot, item)
      if let predicate = comprehension.predicate {
        switch evaluate(predicate) {
        case .bool(true): break
        case .bool(false): continue
        case let failed where failed.isErrorOrUnknown: return failed
        case let other: return .noOverload("filter", other)
        }
      }
      if let transform = comprehension.transform {
        let value = evaluate(transform)
        if value.isErrorOrUnknown { return value }
        results.append(value)
      } else {
        results.append(item)
      }
    }
    return .list(results)
  }
}

/// The comprehension macros (§ Macros) and cel-go's two-variable forms:
/// `all`, `exists`, `exists_one`/`existsOne`, `map`, `filter`, `transformList`, `transformMap`.
extension CELEvaluator {
  /// What a comprehension loops over: the values bound to the last variable, and, for the
  /// two-variable forms, the list indexes or map keys bound to the first.
  private struct LoopItems {
    var elements: [CELValue]
    var indexes: [CELValue]?
  }

  mutating func evaluate(_ comprehension: CELComprehension) -> CELValue {
    let range = evaluate(comprehension.range)
    let twoVariables = comprehension.indexSlot != nil
    let items: LoopItems
    switch range {
    case .list(let elements):
      items = LoopItems(elements: elements, indexes: twoVariables ? (0..<elements.count).map { .int(Int64($0)) } : nil)
    case .map(let map):
      let keys = map.keys.map(\.value)
      items =
        twoVariables ? LoopItems(elements: map.keys.compactMap { map[$0] }, indexes: keys) : LoopItems(elements: keys)
    case .error, .unknown: return range
    default: return .failure("cannot iterate over a value of type '\(range.celType.name)'")
    }
    switch comprehension.kind {
    case .all: return quantify(comprehension, items, deciding: false)
    case .exists: return quantify(comprehension, items, deciding: true)
    case .existsOne: return existsOne(comprehension, items)
    case .map, .filter, .transformList, .transformMap: return transform(comprehension, items)
    }
  }

  /// Binds the loop variables for turn `position`; false once the iteration budget is spent.
  private mutating func enter(_ comprehension: CELComprehension, _ items: LoopItems, _ position: Int) -> Bool {
    guard spendIteration() else { return false }
    setLocal(comprehension.slot, items.elements[position])
    if let indexSlot = comprehension.indexSlot, let indexes = items.indexes { setLocal(indexSlot, indexes[position]) }
    return true
  }

  private var budgetError: CELValue {
    .error(exhaustion ?? CELEvaluationError("cost limit exceeded", isBudgetExhaustion: true))
  }

  /// `all` (deciding value false) and `exists` (deciding value true): like a chain of `&&` or
  /// `||`, the deciding value ends the loop and wins over errors met on the way.
  private mutating func quantify(_ comprehension: CELComprehension, _ items: LoopItems, deciding: Bool) -> CELValue {
    guard let predicate = comprehension.predicate else { return .failure("macro without predicate") }
    var failure: CELValue?
    for position in items.elements.indices {
      guard enter(comprehension, items, position) else { return budgetError }
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

  private mutating func existsOne(_ comprehension: CELComprehension, _ items: LoopItems) -> CELValue {
    guard let predicate = comprehension.predicate else { return .failure("macro without predicate") }
    var count = 0
    for position in items.elements.indices {
      guard enter(comprehension, items, position) else { return budgetError }
      switch evaluate(predicate) {
      case .bool(let flag): count += flag ? 1 : 0
      case let failed where failed.isErrorOrUnknown: return failed
      case let other: return .noOverload("exists_one", other)
      }
    }
    return .bool(count == 1)
  }

  /// The optional filter's verdict on the current turn.
  private enum FilterVerdict {
    case keep, skip
    case fail(CELValue)
  }

  private mutating func filter(_ comprehension: CELComprehension) -> FilterVerdict {
    guard let predicate = comprehension.predicate else { return .keep }
    switch evaluate(predicate) {
    case .bool(let flag): return flag ? .keep : .skip
    case let failed where failed.isErrorOrUnknown: return .fail(failed)
    case let other: return .fail(.noOverload("filter", other))
    }
  }

  /// `map` (with an optional filter), `filter`, `transformList` and `transformMap` (keyed by
  /// the first variable: list indexes or map keys); any error is the result.
  private mutating func transform(_ comprehension: CELComprehension, _ items: LoopItems) -> CELValue {
    let keyed = comprehension.kind == .transformMap
    var results: [CELValue] = []
    var keyedResults = CELMap()
    for position in items.elements.indices {
      guard enter(comprehension, items, position) else { return budgetError }
      switch filter(comprehension) {
      case .keep: break
      case .skip: continue
      case .fail(let failure): return failure
      }
      var value = items.elements[position]
      if let transform = comprehension.transform {
        value = evaluate(transform)
        if value.isErrorOrUnknown { return value }
      }
      if keyed {
        guard let key = items.indexes.flatMap({ CELMapKey($0[position]) }) else { return .failure("invalid map key") }
        keyedResults.updateValue(value, for: key)
      } else {
        results.append(value)
      }
    }
    return keyed ? .map(keyedResults) : .list(results)
  }
}

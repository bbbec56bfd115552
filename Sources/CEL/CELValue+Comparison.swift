import Foundation

/// The outcome of ordering two CEL values.
enum CELOrdering {
  case less, equal, greater
  /// At least one side is NaN: every relation is false.
  case unordered
}

extension CELValue {
  /// CEL equality (§ Equality): numbers compare across int, uint and double; other mixed
  /// kinds are simply unequal; lists and maps compare element-wise. Errors are handled by the caller.
  public func celEquals(_ other: CELValue) -> Bool {
    switch (self, other) {
    case (.null, .null): return true
    case (.bool(let left), .bool(let right)): return left == right
    case (.string(let left), .string(let right)): return Self.stringsEqual(left, right)
    case (.bytes(let left), .bytes(let right)): return left == right
    case (.type(let left), .type(let right)): return left == right
    case (.timestamp(let left), .timestamp(let right)): return left == right
    case (.duration(let left), .duration(let right)): return left == right
    case (.list(let left), .list(let right)):
      guard left.count == right.count else { return false }
      for (leftElement, rightElement) in zip(left, right) where !leftElement.celEquals(rightElement) { return false }
      return true
    case (.map(let left), .map(let right)):
      guard left.count == right.count else { return false }
      for (key, value) in left.entries {
        guard let otherValue = right[key], value.celEquals(otherValue) else { return false }
      }
      return true
    case (.int, _), (.uint, _), (.double, _):
      return compareNumbers(other) == .equal
    case (.optional(let left), .optional(let right)):
      switch (left, right) {
      case (nil, nil): return true
      case (let left?, let right?): return left.celEquals(right)
      default: return false
      }
    default:
      return false
    }
  }

  /// Strings are equal when their code points are, not merely canonically equivalent.
  static func stringsEqual(_ left: String, _ right: String) -> Bool {
    guard left.utf8.count == right.utf8.count else { return false }
    // Native strings expose their UTF-8 directly; comparing raw buffers is far faster than
    // iterating the views, and unlike String's `==` it does not equate canonically
    // equivalent but different code points.
    let contiguous = left.utf8.withContiguousStorageIfAvailable { leftBytes in
      right.utf8.withContiguousStorageIfAvailable { rightBytes in
        guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
        return memcmp(leftBase, rightBase, leftBytes.count) == 0
      }
    }
    if let contiguous, let result = contiguous { return result }
    return left.utf8.elementsEqual(right.utf8)
  }

  /// Orders two values of comparable types, or returns nil when they cannot be ordered.
  func compare(_ other: CELValue) -> CELOrdering? {
    switch (self, other) {
    case (.int, _), (.uint, _), (.double, _):
      return compareNumbers(other)
    case (.string(let left), .string(let right)):
      if Self.stringsEqual(left, right) { return .equal }
      return left.utf8.lexicographicallyPrecedes(right.utf8) ? .less : .greater
    case (.bytes(let left), .bytes(let right)):
      if left == right { return .equal }
      return left.lexicographicallyPrecedes(right) ? .less : .greater
    case (.bool(let left), .bool(let right)):
      return left == right ? .equal : (!left ? .less : .greater)
    case (.timestamp(let left), .timestamp(let right)):
      return left == right ? .equal : (left < right ? .less : .greater)
    case (.duration(let left), .duration(let right)):
      return left == right ? .equal : (left < right ? .less : .greater)
    default:
      return nil
    }
  }

  /// Comparison on one number line; nil when `other` is not a number.
  private func compareNumbers(_ other: CELValue) -> CELOrdering? {
    switch (self, other) {
    case (.int(let left), .int(let right)): return Self.order(left, right)
    case (.uint(let left), .uint(let right)): return Self.order(left, right)
    case (.double(let left), .double(let right)): return Self.compareDoubles(left, right)
    case (.int(let left), .uint(let right)): return left < 0 ? .less : Self.order(UInt64(left), right)
    case (.uint(let left), .int(let right)): return right < 0 ? .greater : Self.order(left, UInt64(right))
    case (.int(let left), .double(let right)): return Self.compare(integer: left, right)
    case (.uint(let left), .double(let right)): return Self.compare(unsigned: left, right)
    case (.double(let left), .int(let right)): return Self.reversed(Self.compare(integer: right, left))
    case (.double(let left), .uint(let right)): return Self.reversed(Self.compare(unsigned: right, left))
    default: return nil
    }
  }

  private static func order<T: Comparable>(_ left: T, _ right: T) -> CELOrdering {
    left == right ? .equal : (left < right ? .less : .greater)
  }

  private static func reversed(_ ordering: CELOrdering) -> CELOrdering {
    switch ordering {
    case .less: return .greater
    case .greater: return .less
    default: return ordering
    }
  }

  /// Compares an int with a double as doubles, as cel-go does: the int may round, so
  /// `dyn(9223372036854775807) < 9223372036854775808.0` is false (comparisons/*_lossy_double).
  private static func compare(integer: Int64, _ double: Double) -> CELOrdering {
    compareDoubles(Double(integer), double)
  }

  private static func compare(unsigned: UInt64, _ double: Double) -> CELOrdering {
    compareDoubles(Double(unsigned), double)
  }

  private static func compareDoubles(_ left: Double, _ right: Double) -> CELOrdering {
    if left.isNaN || right.isNaN { return .unordered }
    return left == right ? .equal : (left < right ? .less : .greater)
  }
}

/// The optional-value functions: `optional.of`, `optional.ofNonZeroValue`, `optional.none`,
/// `hasValue()` and `value()`.
extension CELFunction {
  func applyOptional(_ arguments: [CELValue]) -> CELValue {
    switch (self, arguments.first) {
    case (.optionalNone, _): return .optional(.none)
    case (.optionalOf, let value?): return .optional(value)
    case (.optionalOfNonZeroValue, let value?): return value.isZeroValue ? .optional(.none) : .optional(value)
    case (.hasValue, .optional(let wrapped)?): return .bool(wrapped != nil)
    case (.value, .optional(let wrapped)?): return wrapped ?? .failure("optional.none() dereference")
    default: return noOverload(arguments)
    }
  }
}

extension CELValue {
  /// Whether this is its type's zero value (`0`, `''`, `[]`, `null`…), which `optional.ofNonZeroValue` drops.
  var isZeroValue: Bool {
    switch self {
    case .null: return true
    case .bool(let flag): return !flag
    case .int(let number): return number == 0
    case .uint(let number): return number == 0
    case .double(let number): return number == 0
    case .string(let text): return text.isEmpty
    case .bytes(let bytes): return bytes.isEmpty
    case .list(let elements): return elements.isEmpty
    case .map(let map): return map.isEmpty
    case .timestamp(let time): return time.seconds == 0 && time.nanos == 0
    case .duration(let span): return span.nanoseconds == 0
    case .optional(let wrapped): return wrapped == nil
    case .type, .error, .unknown: return false
    }
  }
}

/// Arithmetic operators (§ Arithmetic Operators, § Overflow): checked integers, IEEE doubles,
/// concatenation, and timestamp/duration arithmetic.
extension CELValue {
  static func add(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      let (sum, overflow) = a.addingReportingOverflow(b)
      return overflow ? .failure("integer overflow") : .int(sum)
    case (.uint(let a), .uint(let b)):
      let (sum, overflow) = a.addingReportingOverflow(b)
      return overflow ? .failure("unsigned integer overflow") : .uint(sum)
    case (.double(let a), .double(let b)): return .double(a + b)
    case (.string(let a), .string(let b)): return .string(a + b)
    case (.bytes(let a), .bytes(let b)): return .bytes(a + b)
    case (.list(let a), .list(let b)): return .list(a + b)
    case (.duration(let a), .duration(let b)):
      let (sum, overflow) = a.nanoseconds.addingReportingOverflow(b.nanoseconds)
      return overflow ? .failure("duration out of range") : .duration(CELDuration(nanoseconds: sum))
    case (.timestamp(let time), .duration(let span)), (.duration(let span), .timestamp(let time)):
      return time.adding(span).map(CELValue.timestamp) ?? .failure("timestamp out of range")
    default:
      return .noOverload("_+_", left, right)
    }
  }

  static func subtract(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      let (difference, overflow) = a.subtractingReportingOverflow(b)
      return overflow ? .failure("integer overflow") : .int(difference)
    case (.uint(let a), .uint(let b)):
      let (difference, overflow) = a.subtractingReportingOverflow(b)
      return overflow ? .failure("unsigned integer overflow") : .uint(difference)
    case (.double(let a), .double(let b)): return .double(a - b)
    case (.duration(let a), .duration(let b)):
      let (difference, overflow) = a.nanoseconds.subtractingReportingOverflow(b.nanoseconds)
      return overflow ? .failure("duration out of range") : .duration(CELDuration(nanoseconds: difference))
    case (.timestamp(let time), .duration(let span)):
      guard span.nanoseconds != .min else { return .failure("timestamp out of range") }
      return time.adding(CELDuration(nanoseconds: -span.nanoseconds)).map(CELValue.timestamp)
        ?? .failure("timestamp out of range")
    case (.timestamp(let a), .timestamp(let b)):
      return a.difference(from: b).map(CELValue.duration) ?? .failure("duration out of range")
    default:
      return .noOverload("_-_", left, right)
    }
  }

  static func multiply(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? .failure("integer overflow") : .int(product)
    case (.uint(let a), .uint(let b)):
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? .failure("unsigned integer overflow") : .uint(product)
    case (.double(let a), .double(let b)): return .double(a * b)
    default: return .noOverload("_*_", left, right)
    }
  }

  static func divide(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      if b == 0 { return .failure("division by zero") }
      let (quotient, overflow) = a.dividedReportingOverflow(by: b)
      return overflow ? .failure("integer overflow") : .int(quotient)
    case (.uint(let a), .uint(let b)):
      return b == 0 ? .failure("division by zero") : .uint(a / b)
    case (.double(let a), .double(let b)): return .double(a / b)
    default: return .noOverload("_/_", left, right)
    }
  }

  static func remainder(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      if b == 0 { return .failure("modulus by zero") }
      let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
      return overflow ? .failure("integer overflow") : .int(remainder)
    case (.uint(let a), .uint(let b)):
      return b == 0 ? .failure("modulus by zero") : .uint(a % b)
    default: return .noOverload("_%_", left, right)
    }
  }

  static func negate(_ operand: CELValue) -> CELValue {
    switch operand {
    case .int(let value):
      return value == .min ? .failure("integer overflow") : .int(-value)
    case .double(let value): return .double(-value)
    default: return .noOverload("-_", operand)
    }
  }
}

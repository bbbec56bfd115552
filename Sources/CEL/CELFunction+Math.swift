import Foundation

/// The math extension (cel-go `ext.Math`): `math.greatest/least`, rounding, `abs`, `sign`,
/// floating-point classification and bitwise operations; and the encoders extension.
extension CELFunction {
  func applyMath(_ arguments: [CELValue]) -> CELValue {
    switch (self, arguments.count) {
    case (.greatest, _), (.least, _):
      var candidates = arguments
      if arguments.count == 1, case .list(let elements) = arguments[0] { candidates = elements }
      return extreme(candidates, greatest: self == .greatest)
    case (.bitAnd, 2), (.bitOr, 2), (.bitXor, 2): return bitwise(arguments[0], arguments[1])
    case (.bitShiftLeft, 2), (.bitShiftRight, 2): return shift(arguments[0], arguments[1])
    case (_, 1): return applyMath(arguments[0])
    default: return noOverload(arguments)
    }
  }

  private func applyMath(_ value: CELValue) -> CELValue {
    switch (self, value) {
    case (.ceil, .double(let number)): return .double(number.rounded(.up))
    case (.floor, .double(let number)): return .double(number.rounded(.down))
    case (.round, .double(let number)): return .double(number.rounded(.toNearestOrAwayFromZero))
    case (.trunc, .double(let number)): return .double(number.rounded(.towardZero))
    case (.isNaN, .double(let number)): return .bool(number.isNaN)
    case (.isInf, .double(let number)): return .bool(number.isInfinite)
    case (.isFinite, .double(let number)): return .bool(number.isFinite)
    case (.abs, .int(let number)): return number == .min ? .failure("integer overflow") : .int(Swift.abs(number))
    case (.abs, .uint): return value
    case (.abs, .double(let number)): return .double(Swift.abs(number))
    case (.sign, .int(let number)): return .int(number.signum())
    case (.sign, .uint(let number)): return .uint(number == 0 ? 0 : 1)
    case (.sign, .double(let number)): return .double(number.isNaN || number == 0 ? number : (number < 0 ? -1 : 1))
    case (.bitNot, .int(let number)): return .int(~number)
    case (.bitNot, .uint(let number)): return .uint(~number)
    case (.base64Encode, .bytes(let bytes)): return .string(Data(bytes).base64EncodedString())
    case (.base64Decode, .string(let text)):
      // Like cel-go, accept unpadded input too.
      let padded = text + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
      guard let data = Data(base64Encoded: padded) else { return .failure("invalid base64 text") }
      return .bytes(Array(data))
    default: return noOverload([value])
    }
  }

  private func extreme(_ candidates: [CELValue], greatest: Bool) -> CELValue {
    guard var best = candidates.first else { return .failure("\(name) needs at least one argument") }
    for candidate in candidates {
      switch candidate {
      case .int, .uint, .double: break
      default: return noOverload(candidates)
      }
      guard let ordering = candidate.compare(best) else { return noOverload(candidates) }
      if ordering == (greatest ? .greater : .less) { best = candidate }
    }
    return best
  }

  private func bitwise(_ left: CELValue, _ right: CELValue) -> CELValue {
    switch (self, left, right) {
    case (.bitAnd, .int(let a), .int(let b)): return .int(a & b)
    case (.bitAnd, .uint(let a), .uint(let b)): return .uint(a & b)
    case (.bitOr, .int(let a), .int(let b)): return .int(a | b)
    case (.bitOr, .uint(let a), .uint(let b)): return .uint(a | b)
    case (.bitXor, .int(let a), .int(let b)): return .int(a ^ b)
    case (.bitXor, .uint(let a), .uint(let b)): return .uint(a ^ b)
    default: return noOverload([left, right])
    }
  }

  /// Shifts are logical for ints as for uints, and shifting by 64 or more gives 0.
  private func shift(_ value: CELValue, _ amount: CELValue) -> CELValue {
    guard case .int(let count) = amount else { return noOverload([value, amount]) }
    guard count >= 0 else { return .failure("negative shift count \(count)") }
    let left = self == .bitShiftLeft
    switch value {
    case .int(let number):
      if count >= 64 { return .int(0) }
      let bits = UInt64(bitPattern: number)
      return .int(Int64(bitPattern: left ? bits << UInt64(count) : bits >> UInt64(count)))
    case .uint(let number):
      if count >= 64 { return .uint(0) }
      return .uint(left ? number << UInt64(count) : number >> UInt64(count))
    default:
      return noOverload([value, amount])
    }
  }
}

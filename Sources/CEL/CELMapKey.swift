/// A key of a CEL map: only `bool`, `int`, `uint` and `string` values may be keys.
///
/// Numeric keys compare across kinds, as CEL equality does: `0` and `0u` are the same key,
/// so `{0: 1, 0u: 2}` has a repeated key and `{1u: 'a'}[1]` finds `'a'`.
public enum CELMapKey: Sendable, CustomStringConvertible {
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case string(String)

  /// The key for `value`, or nil when the value's type cannot be a map key.
  public init?(_ value: CELValue) {
    switch value {
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .uint(let number): self = .uint(number)
    case .string(let text): self = .string(text)
    default: return nil
    }
  }

  /// The key as a value, keeping its kind (`1u` stays a uint).
  public var value: CELValue {
    switch self {
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .uint(let number): return .uint(number)
    case .string(let text): return .string(text)
    }
  }

  /// The key as CEL source would write it (`1u`, `'a'`).
  public var description: String {
    switch self {
    case .bool(let flag): return String(flag)
    case .int(let number): return String(number)
    case .uint(let number): return "\(number)u"
    case .string(let text): return "'\(text)'"
    }
  }

  /// A uint key with the same numeric value, when one exists; ints and uints meet here.
  private var unsignedMagnitude: UInt64? {
    switch self {
    case .int(let number): return number >= 0 ? UInt64(number) : nil
    case .uint(let number): return number
    default: return nil
    }
  }
}

extension CELMapKey: Hashable {
  /// CEL key equality: numeric keys are equal across int and uint.
  public static func == (lhs: CELMapKey, rhs: CELMapKey) -> Bool {
    switch (lhs, rhs) {
    case (.bool(let left), .bool(let right)): return left == right
    case (.string(let left), .string(let right)): return CELValue.stringsEqual(left, right)
    case (.int(let left), .int(let right)): return left == right
    default:
      guard let left = lhs.unsignedMagnitude, let right = rhs.unsignedMagnitude else { return false }
      return left == right
    }
  }

  /// Hashes consistently with `==`: equal numbers hash alike whatever their kind.
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .bool(let flag):
      hasher.combine(0)
      hasher.combine(flag)
    case .string(let text):
      // Coarser than code-point equality (String hashing is by canonical equivalence), which is fine.
      hasher.combine(1)
      hasher.combine(text)
    case .int(let number) where number < 0:
      hasher.combine(2)
      hasher.combine(number)
    case .int, .uint:
      hasher.combine(2)
      hasher.combine(unsignedMagnitude ?? 0)
    }
  }
}

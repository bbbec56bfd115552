/// A CEL value: the result of an evaluation and the type of every binding.
///
/// Errors and unknowns are values too, so that `&&`, `||` and the macros can absorb them
/// as the language definition requires. Equality (`==`) on this Swift type is structural and
/// kind-strict (`.int(1) != .uint(1)`); CEL's own heterogeneous equality is `celEquals(_:)`.
public enum CELValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case bytes([UInt8])
  case list([CELValue])
  case map(CELMap)
  case type(CELType)
  case timestamp(CELTimestamp)
  case duration(CELDuration)
  /// An optional value (`optional.of(x)`, or `optional.none()` when nil), from the optionals extension.
  indirect case optional(CELValue?)
  /// An evaluation error carried as a value (`no such key`, overflow, cost limit…).
  case error(CELEvaluationError)
  /// A value not known at evaluation time; it propagates like an error but wins over one.
  case unknown(CELUnknown)

  /// The CEL type of the value (`int`, `map`, `google.protobuf.Timestamp`…).
  public var celType: CELType {
    switch self {
    case .null: return .nullType
    case .bool: return .bool
    case .int: return .int
    case .uint: return .uint
    case .double: return .double
    case .string: return .string
    case .bytes: return .bytes
    case .list: return .list
    case .map: return .map
    case .type: return .type
    case .timestamp: return .timestamp
    case .duration: return .duration
    case .optional: return .optional
    case .error: return .error
    case .unknown: return .unknown
    }
  }

  /// Whether the value is an error or an unknown, which strict functions pass through.
  @inlinable public var isErrorOrUnknown: Bool {
    switch self {
    case .error, .unknown: return true
    default: return false
    }
  }

  /// The error payload, if this is an error.
  public var evaluationError: CELEvaluationError? {
    if case .error(let error) = self { return error }
    return nil
  }

  /// Shorthand for an error value with `message`.
  static func failure(_ message: String) -> CELValue {
    .error(CELEvaluationError(message))
  }

  /// The error for a function applied to arguments of types it has no overload for.
  static func noOverload(_ function: String, _ arguments: CELValue...) -> CELValue {
    noOverload(function, arguments: arguments)
  }

  static func noOverload(_ function: String, arguments: [CELValue]) -> CELValue {
    let types = arguments.map(\.celType.name).joined(separator: ", ")
    return .failure("no matching overload for '\(function)' applied to (\(types))")
  }
}

// Deliberately not ExpressibleByNilLiteral: with `case optional(CELValue?)`, a bare `nil`
// would silently mean `.null` where `Optional.none` was meant.
extension CELValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
  /// `true` or `false` as a bool value.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// An integer literal as an `int`.
  public init(integerLiteral value: Int64) { self = .int(value) }
  /// A floating-point literal as a `double`.
  public init(floatLiteral value: Double) { self = .double(value) }
  /// A string literal as a `string`.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An array literal as a `list`.
  public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
}

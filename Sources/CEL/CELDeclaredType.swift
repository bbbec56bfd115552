/// The static type of a declared variable or of an expression, for `CELChecker`.
public indirect enum CELDeclaredType: Sendable, Hashable, CustomStringConvertible {
  /// Any value: nothing is checked.
  case dyn
  case null, bool, int, uint, double, string, bytes, timestamp, duration
  case list(CELDeclaredType)
  case map(CELDeclaredType)
  /// A map with known fields (a JSON document's shape); reading another field is a problem.
  case object([String: CELDeclaredType])
  /// A value that may be `null` (a fact a stage may not provide).
  case nullable(CELDeclaredType)

  /// The type name as CEL prints it.
  public var description: String {
    switch self {
    case .dyn: return "dyn"
    case .null: return "null_type"
    case .bool: return "bool"
    case .int: return "int"
    case .uint: return "uint"
    case .double: return "double"
    case .string: return "string"
    case .bytes: return "bytes"
    case .timestamp: return "google.protobuf.Timestamp"
    case .duration: return "google.protobuf.Duration"
    case .list(let element): return "list(\(element))"
    case .map(let value): return "map(string, \(value))"
    case .object: return "map"
    case .nullable(let wrapped): return "\(wrapped)"
    }
  }

  /// A comparable family: numbers compare with each other, maps with objects.
  var family: String? {
    switch self {
    case .dyn, .nullable: return nil
    case .int, .uint, .double: return "number"
    case .map, .object: return "map"
    case .list: return "list"
    default: return description
    }
  }

  /// Whether values of the type are scalars, on which a field can never be selected.
  var isScalar: Bool {
    switch self {
    case .bool, .int, .uint, .double, .string, .bytes, .timestamp, .duration, .null: return true
    default: return false
    }
  }

  static func of(_ value: CELValue) -> CELDeclaredType {
    switch value {
    case .null: return .null
    case .bool: return .bool
    case .int: return .int
    case .uint: return .uint
    case .double: return .double
    case .string: return .string
    case .bytes: return .bytes
    case .timestamp: return .timestamp
    case .duration: return .duration
    default: return .dyn
    }
  }
}

/// A CEL type as a run-time value: what `type(x)` returns and what `int` or `map` denote.
public struct CELType: Sendable, Hashable, CustomStringConvertible {
  /// The CEL name of the type (`int`, `list`, `google.protobuf.Timestamp`).
  public let name: String

  /// Creates a type value with a CEL type name.
  public init(name: String) {
    self.name = name
  }

  public var description: String { name }

  public static let nullType = CELType(name: "null_type")
  public static let bool = CELType(name: "bool")
  public static let int = CELType(name: "int")
  public static let uint = CELType(name: "uint")
  public static let double = CELType(name: "double")
  public static let string = CELType(name: "string")
  public static let bytes = CELType(name: "bytes")
  public static let list = CELType(name: "list")
  public static let map = CELType(name: "map")
  public static let type = CELType(name: "type")
  public static let timestamp = CELType(name: "google.protobuf.Timestamp")
  public static let duration = CELType(name: "google.protobuf.Duration")
  public static let optional = CELType(name: "optional_type")
  public static let error = CELType(name: "error")
  public static let unknown = CELType(name: "unknown")

  /// The identifiers that denote a type value when no variable shadows them (`dyn` is not one).
  static let denotations: [String: CELType] = {
    var table: [String: CELType] = [:]
    for type in [nullType, bool, int, uint, double, string, bytes, list, map, Self.type, timestamp, duration, optional] {
      table[type.name] = type
    }
    return table
  }()
}

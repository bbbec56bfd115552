/// A CEL type as a run-time value: what `type(x)` returns and what `int` or `map` denote.
public struct CELType: Sendable, Hashable, CustomStringConvertible {
  /// The CEL name of the type (`int`, `list`, `google.protobuf.Timestamp`).
  public let name: String

  /// Creates a type value with a CEL type name.
  public init(name: String) {
    self.name = name
  }

  /// The type name.
  public var description: String { name }

  /// `null_type`, the type of `null`.
  public static let nullType = CELType(name: "null_type")
  /// `bool`.
  public static let bool = CELType(name: "bool")
  /// `int`: 64-bit signed integers.
  public static let int = CELType(name: "int")
  /// `uint`: 64-bit unsigned integers.
  public static let uint = CELType(name: "uint")
  /// `double`: IEEE 754 binary64.
  public static let double = CELType(name: "double")
  /// `string`: Unicode text.
  public static let string = CELType(name: "string")
  /// `bytes`: octet sequences.
  public static let bytes = CELType(name: "bytes")
  /// `list`.
  public static let list = CELType(name: "list")
  /// `map`.
  public static let map = CELType(name: "map")
  /// `type`, the type of types.
  public static let type = CELType(name: "type")
  /// `google.protobuf.Timestamp`.
  public static let timestamp = CELType(name: "google.protobuf.Timestamp")
  /// `google.protobuf.Duration`.
  public static let duration = CELType(name: "google.protobuf.Duration")
  /// `optional_type`, from the optionals extension.
  public static let optional = CELType(name: "optional_type")
  /// The type reported for error values.
  public static let error = CELType(name: "error")
  /// The type reported for unknown values.
  public static let unknown = CELType(name: "unknown")

  /// The identifiers that denote a type value when no variable shadows them (`dyn` is not one).
  static let denotations: [String: CELType] = {
    var table: [String: CELType] = [:]
    for type in [nullType, bool, int, uint, double, string, bytes, list, map, Self.type, timestamp, duration, optional]
    {
      table[type.name] = type
    }
    return table
  }()
}

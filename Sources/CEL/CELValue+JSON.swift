import StructuredData

extension CELValue {
  /// Converts a JSON-like value: integers stay `int`, objects become string-keyed maps.
  public init(_ json: JSONValue) {
    switch json {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .double(let number): self = .double(number)
    case .string(let text): self = .string(text)
    case .array(let elements): self = .list(elements.map(CELValue.init))
    case .object(let members): self = .map(CELMap(members.mapValues(CELValue.init)))
    }
  }

  /// The value as JSON, or nil for what JSON cannot hold (errors, unknowns, non-string map
  /// keys other than numbers and bools, uints beyond Int64, bytes).
  ///
  /// Uints within range become integers, timestamps and durations their string forms, and
  /// types their names; map keys are written as strings, as protobuf's JSON mapping does.
  public var jsonValue: JSONValue? {
    switch self {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .uint(let number): return number <= UInt64(Int64.max) ? .int(Int64(number)) : nil
    case .double(let number): return .double(number)
    case .string(let text): return .string(text)
    case .bytes: return nil
    case .list(let elements):
      var array: [JSONValue] = []
      array.reserveCapacity(elements.count)
      for element in elements {
        guard let converted = element.jsonValue else { return nil }
        array.append(converted)
      }
      return .array(array)
    case .map(let map):
      var object: [String: JSONValue] = [:]
      for (key, value) in map.entries {
        guard let converted = value.jsonValue else { return nil }
        switch key {
        case .string(let text): object[text] = converted
        case .int(let number): object[String(number)] = converted
        case .uint(let number): object[String(number)] = converted
        case .bool(let flag): object[String(flag)] = converted
        }
      }
      return .object(object)
    case .type(let type): return .string(type.name)
    case .timestamp(let time): return .string(time.description)
    case .duration(let span): return .string(span.description)
    case .optional(let wrapped): return wrapped?.jsonValue
    case .error, .unknown: return nil
    }
  }
}

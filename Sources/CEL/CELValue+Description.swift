extension CELValue: CustomStringConvertible {
  /// A short CEL-like rendering, for error messages.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let flag): return String(flag)
    case .int(let value): return String(value)
    case .uint(let value): return "\(value)u"
    case .double(let value): return String(value)
    case .string(let text): return "'\(text)'"
    case .bytes(let bytes): return "b'\(bytes.count) bytes'"
    case .list(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
    case .map(let map): return "{" + map.entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .type(let type): return type.name
    case .timestamp(let time): return "timestamp('\(time)')"
    case .duration(let span): return "duration('\(span)')"
    case .optional(let wrapped): return wrapped.map { "optional.of(\($0))" } ?? "optional.none()"
    case .error(let error): return "error(\(error.message))"
    case .unknown(let unknown): return "unknown(\(unknown.names.joined(separator: ", ")))"
    }
  }
}

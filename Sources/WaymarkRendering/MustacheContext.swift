import StructuredData

/// Turns a view model into the plain values swift-mustache reads.
///
/// `null` members are left out, so `{{#description}}` sections skip missing values; numbers
/// render as written in the JSON API (integers without `.0`).
package enum MustacheContext {
  package static func value(_ json: JSONValue) -> Any {
    switch json {
    case .null: return false
    case .bool(let flag): return flag
    case .int(let number): return Int(number)
    case .double(let number): return number
    case .string(let text): return text
    case .array(let elements): return elements.map(value)
    case .object(let members):
      var dictionary: [String: Any] = [:]
      for (key, member) in members where !member.isNull {
        dictionary[key] = value(member)
      }
      return dictionary
    }
  }
}

import StructuredData

/// A member whose keys are data, not a fixed shape: passed through to the template as it is
/// (a JSON API object such as a guardrail finding), documented by the JSON file it mirrors.
package struct TemplateJSON: Codable, Sendable {
  package var value: JSONValue

  package init(_ value: JSONValue) {
    self.value = value
  }

  package func encode(to encoder: any Encoder) throws {
    // The template encoder inserts `value` itself; other encoders get nothing meaningful.
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }

  package init(from decoder: any Decoder) throws {
    value = .null
  }
}

/// A scalar taken from a JSON value as it is (an integer stays an integer), printed by the layouts.
package struct TemplateScalar: Codable, Sendable {
  package var value: JSONValue

  package init(_ value: JSONValue) {
    self.value = value
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }

  package init(from decoder: any Decoder) throws {
    value = .null
  }
}

extension TemplateScalar {
  /// `value` wrapped, or nil when it is missing or `null` (Mustache skips both alike).
  package static func present(_ value: JSONValue?) -> TemplateScalar? {
    guard let value, !value.isNull else { return nil }
    return TemplateScalar(value)
  }
}

import StructuredData

/// Encodes a typed page model into the `JSONValue` tree the Mustache context is built from.
///
/// `nil` optionals are left out (Mustache skips a missing key as it skips `null`); integers stay
/// integers and `TemplateJSON` members are inserted as they are.
package struct TemplateValueEncoder {
  package init() {}

  /// The value tree of `model`: the page models' conformances are synthesized or write through
  /// this encoder, whose containers never throw, so the fallback is unreachable for them.
  package func value<Model: Encodable>(of model: Model) -> JSONValue {
    (try? encode(model)) ?? .null
  }

  /// The plain values swift-mustache reads for `model`, as `MustacheContext.value` makes them
  /// from its value tree, built without the tree in between.
  package func mustacheValue<Model: Encodable>(of model: Model) -> Any {
    guard let node = try? TemplateNode.encoding(model) else { return [String: Any]() }
    return node.mustacheValue
  }

  /// The value tree of `model`.
  package func encode<Model: Encodable>(_ model: Model) throws -> JSONValue {
    try TemplateNode.encoding(model).value
  }
}

/// A member or element: a finished value, or a slot a nested container writes into.
enum TemplateNode {
  case value(JSONValue)
  case box(TemplateValueBox)

  var value: JSONValue {
    switch self {
    case .value(let value): return value
    case .box(let box): return box.value
    }
  }

  var mustacheValue: Any {
    switch self {
    case .value(let value): return MustacheContext.value(value)
    case .box(let box): return box.mustacheValue
    }
  }

  var isNull: Bool {
    switch self {
    case .value(let value): return value.isNull
    case .box(let box): return box.isNull
    }
  }

  /// The encoding of `value`: pass-through JSON as it is, anything else through a slot.
  static func encoding<Value: Encodable>(_ value: Value) throws -> TemplateNode {
    if let json = value as? TemplateJSON { return .value(json.value) }
    if let scalar = value as? TemplateScalar { return .value(scalar.value) }
    let box = TemplateValueBox()
    try value.encode(to: TemplateValueEncoding(box: box))
    return .box(box)
  }
}

/// A mutable slot the containers of one encoding write into, in place.
final class TemplateValueBox {
  var single = JSONValue.object([:])
  var members: [String: TemplateNode]?
  var elements: [TemplateNode]?

  var value: JSONValue {
    if let members { return .object(members.mapValues(\.value)) }
    if let elements { return .array(elements.map(\.value)) }
    return single
  }

  /// What `MustacheContext.value` makes of `value`: `null` members left out.
  var mustacheValue: Any {
    if let members {
      var dictionary: [String: Any] = [:]
      dictionary.reserveCapacity(members.count)
      for (key, member) in members where !member.isNull { dictionary[key] = member.mustacheValue }
      return dictionary
    }
    if let elements { return elements.map(\.mustacheValue) }
    return MustacheContext.value(single)
  }

  var isNull: Bool { members == nil && elements == nil && single.isNull }
}

// The coding path is not tracked: nothing here throws, so no error needs it.
struct TemplateValueEncoding: Encoder {
  let box: TemplateValueBox
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if box.members == nil { box.members = [:] }
    return KeyedEncodingContainer(TemplateKeyedEncoding<Key>(box: box))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if box.elements == nil { box.elements = [] }
    return TemplateUnkeyedEncoding(box: box)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    TemplateSingleEncoding(box: box)
  }
}

struct TemplateKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: TemplateValueBox
  var codingPath: [any CodingKey] { [] }

  private func set(_ child: TemplateValueBox, _ key: Key) {
    box.members?[key.stringValue] = .box(child)
  }

  private func set(_ value: JSONValue, _ key: Key) {
    box.members?[key.stringValue] = .value(value)
  }

  mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.int(Int64(value)), key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    box.members?[key.stringValue] = try TemplateNode.encoding(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = TemplateValueBox()
    set(child, key)
    return TemplateValueEncoding(box: child).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = TemplateValueBox()
    set(child, key)
    return TemplateValueEncoding(box: child).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { TemplateValueEncoding(box: box) }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let child = TemplateValueBox()
    set(child, key)
    return TemplateValueEncoding(box: child)
  }
}

struct TemplateUnkeyedEncoding: UnkeyedEncodingContainer {
  let box: TemplateValueBox
  var codingPath: [any CodingKey] { [] }
  var count: Int { box.elements?.count ?? 0 }

  private func append(_ child: TemplateValueBox) {
    box.elements?.append(.box(child))
  }

  private func append(_ value: JSONValue) {
    box.elements?.append(.value(value))
  }

  mutating func encodeNil() throws { append(.null) }
  mutating func encode(_ value: Bool) throws { append(.bool(value)) }
  mutating func encode(_ value: String) throws { append(.string(value)) }
  mutating func encode(_ value: Double) throws { append(.double(value)) }
  mutating func encode(_ value: Int) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: Int64) throws { append(.int(value)) }
  mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
  mutating func encode(_ value: Int8) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: Int16) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: Int32) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: UInt) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: UInt8) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: UInt16) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: UInt32) throws { append(.int(Int64(value))) }
  mutating func encode(_ value: UInt64) throws { append(.int(Int64(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    box.elements?.append(try TemplateNode.encoding(value))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = TemplateValueBox()
    append(child)
    return TemplateValueEncoding(box: child).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = TemplateValueBox()
    append(child)
    return TemplateValueEncoding(box: child).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = TemplateValueBox()
    append(child)
    return TemplateValueEncoding(box: child)
  }
}

struct TemplateSingleEncoding: SingleValueEncodingContainer {
  let box: TemplateValueBox
  var codingPath: [any CodingKey] { [] }

  private func setSingle(_ value: JSONValue) { box.single = value }

  mutating func encodeNil() throws { box.single = .null }
  mutating func encode(_ value: Bool) throws { box.single = .bool(value) }
  mutating func encode(_ value: String) throws { box.single = .string(value) }
  mutating func encode(_ value: Double) throws { box.single = .double(value) }
  mutating func encode(_ value: Int) throws { box.single = .int(Int64(value)) }
  mutating func encode(_ value: Int64) throws { box.single = .int(value) }
  mutating func encode(_ value: Float) throws { setSingle(.double(Double(value))) }
  mutating func encode(_ value: Int8) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: Int16) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: Int32) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: UInt) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: UInt8) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: UInt16) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: UInt32) throws { setSingle(.int(Int64(value))) }
  mutating func encode(_ value: UInt64) throws { setSingle(.int(Int64(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    switch try TemplateNode.encoding(value) {
    case .value(let value): box.single = value
    case .box(let child): (box.single, box.members, box.elements) = (child.single, child.members, child.elements)
    }
  }
}

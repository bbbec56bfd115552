import StructuredData

/// Encodes a typed page model straight into the `LayoutValue` the compiled layouts read: the
/// value `TemplateNode.encoding(_:).layoutValue` gives, without the node tree in between.
///
/// A nested value encoded through `encode(_:forKey:)` is finished when that call returns, so it
/// is converted at once; only containers asked for with `nestedContainer` and the like are kept
/// as slots until their parent finishes.
package enum LayoutValueEncoder {
  /// The layout value of `value`.
  package static func value<Value: Encodable>(of value: Value) throws -> LayoutValue {
    try slot(encoding: value).finished
  }

  /// `value` encoded: pass-through JSON as it is, anything else through a slot.
  fileprivate static func slot<Value: Encodable>(encoding value: Value) throws -> LayoutSlot {
    // The commonest leaves, without a slot each.
    if let string = value as? String { return .value(.string(string)) }
    if let number = value as? Int { return .value(.int(Int64(number))) }
    if let flag = value as? Bool { return .value(.bool(flag)) }
    if let json = value as? TemplateJSON { return .value(json.value.isNull ? nil : LayoutValue(json.value)) }
    if let scalar = value as? TemplateScalar { return .value(scalar.value.isNull ? nil : LayoutValue(scalar.value)) }
    let box = LayoutBox()
    try value.encode(to: LayoutValueEncoding(box: box))
    return .box(box)
  }
}

/// A member or element: a finished value (nil for `null`), or a slot a nested container writes into.
private enum LayoutSlot {
  case value(LayoutValue?)
  case box(LayoutBox)

  /// The value, `null` read as `false` (as an element reads it).
  var finished: LayoutValue { value ?? .bool(false) }

  /// The value, or nil for `null` (a member left out).
  var value: LayoutValue? {
    switch self {
    case .value(let value): return value
    case .box(let box): return box.value
    }
  }
}

/// A mutable slot the containers of one encoding write into.
///
/// Finished members and elements are kept as the values they will be, so an object is built in
/// one dictionary; only nested containers, still being written, wait in `pendingMembers` and
/// `pendingElements` (by index, a placeholder in `elements`) until the value is asked for.
private final class LayoutBox {
  var single: LayoutValue? = .object([:])
  var members: [String: LayoutValue]?
  var pendingMembers: [(key: String, box: LayoutBox)] = []
  var elements: [LayoutValue]?
  var pendingElements: [(index: Int, box: LayoutBox)] = []

  /// Sets (or, for `null`, leaves out) member `key`; a later write wins, as in a dictionary.
  func setMember(_ key: String, _ value: LayoutValue?) {
    if !pendingMembers.isEmpty { pendingMembers.removeAll { $0.key == key } }
    members?[key] = value
  }

  func nestMember(_ key: String) -> LayoutBox {
    let child = LayoutBox()
    members?[key] = nil
    pendingMembers.removeAll { $0.key == key }
    pendingMembers.append((key, child))
    return child
  }

  func appendElement(_ value: LayoutValue?) { elements?.append(value ?? .bool(false)) }

  func nestElement() -> LayoutBox {
    let child = LayoutBox()
    pendingElements.append((elements?.count ?? 0, child))
    elements?.append(.bool(false))
    return child
  }

  var value: LayoutValue? {
    if var members {
      for (key, box) in pendingMembers { members[key] = box.value }
      return .object(members)
    }
    if var elements {
      for (index, box) in pendingElements { elements[index] = box.value ?? .bool(false) }
      return .array(elements)
    }
    return single
  }
}

private struct LayoutValueEncoding: Encoder {
  let box: LayoutBox
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if box.members == nil { box.members = [:] }
    return KeyedEncodingContainer(LayoutKeyedEncoding<Key>(box: box))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if box.elements == nil { box.elements = [] }
    return LayoutUnkeyedEncoding(box: box)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { LayoutSingleEncoding(box: box) }
}

private struct LayoutKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: LayoutBox
  var codingPath: [any CodingKey] { [] }

  private func set(_ value: LayoutValue?, _ key: Key) { box.setMember(key.stringValue, value) }

  private func nested(_ key: Key) -> LayoutValueEncoding { LayoutValueEncoding(box: box.nestMember(key.stringValue)) }

  mutating func encodeNil(forKey key: Key) throws { set(nil, key) }
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
    // Finished when `slot(encoding:)` returns: kept as its value, not as a slot.
    box.setMember(key.stringValue, try LayoutValueEncoder.slot(encoding: value).value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    nested(key).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    nested(key).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { LayoutValueEncoding(box: box) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }
}

private struct LayoutUnkeyedEncoding: UnkeyedEncodingContainer {
  let box: LayoutBox
  var codingPath: [any CodingKey] { [] }
  var count: Int { box.elements?.count ?? 0 }

  private func append(_ value: LayoutValue?) { box.appendElement(value) }

  private func nested() -> LayoutValueEncoding { LayoutValueEncoding(box: box.nestElement()) }

  mutating func encodeNil() throws { append(nil) }
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
    box.appendElement(try LayoutValueEncoder.slot(encoding: value).value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    nested().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }

  mutating func superEncoder() -> any Encoder { nested() }
}

private struct LayoutSingleEncoding: SingleValueEncodingContainer {
  let box: LayoutBox
  var codingPath: [any CodingKey] { [] }

  private func set(_ value: LayoutValue?) { box.single = value }

  mutating func encodeNil() throws { set(nil) }
  mutating func encode(_ value: Bool) throws { set(.bool(value)) }
  mutating func encode(_ value: String) throws { set(.string(value)) }
  mutating func encode(_ value: Double) throws { set(.double(value)) }
  mutating func encode(_ value: Int) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: Int64) throws { set(.int(value)) }
  mutating func encode(_ value: Float) throws { set(.double(Double(value))) }
  mutating func encode(_ value: Int8) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: Int16) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: Int32) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: UInt) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: UInt8) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: UInt16) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: UInt32) throws { set(.int(Int64(value))) }
  mutating func encode(_ value: UInt64) throws { set(.int(Int64(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    switch try LayoutValueEncoder.slot(encoding: value) {
    case .value(let value): box.single = value
    case .box(let child):
      (box.single, box.members, box.elements) = (child.single, child.members, child.elements)
      (box.pendingMembers, box.pendingElements) = (child.pendingMembers, child.pendingElements)
    }
  }
}

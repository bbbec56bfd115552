import Foundation

/// Derives a model type's `TemplateSchema` by decoding it with a decoder that records every key
/// the type's `Decodable` conformance asks for (the type's own declaration is the source).
package enum TemplateSchemaReader {
  /// The schema of `type`; `.open` if the type cannot be read.
  package static func schema<Model: Decodable>(of type: Model.Type) -> TemplateSchema {
    (try? SchemaReading(inProgress: []).read(type).0) ?? .open
  }
}

/// Lets the reader see an array's element type and make an empty array without decoding one.
protocol SchemaReadableArray {
  static var schemaElementType: Any.Type { get }
  static var schemaEmpty: Any { get }
}

extension Array: SchemaReadableArray {
  static var schemaElementType: Any.Type { Element.self }
  static var schemaEmpty: Any { [Element]() }
}

/// The keys one object asked for, in order.
final class SchemaFields {
  var fields: [TemplateObjectSchema.Field] = []

  func record(_ key: String, _ schema: TemplateSchema) {
    if let index = fields.firstIndex(where: { $0.key == key }) {
      fields[index].schema = schema
    } else {
      fields.append(TemplateObjectSchema.Field(key: key, schema: schema, optional: false, meaning: ""))
    }
  }

  func markOptional(_ key: String) {
    if let index = fields.firstIndex(where: { $0.key == key }) { fields[index].optional = true }
  }
}

struct SchemaReadingError: Error {}

struct SchemaReading {
  let inProgress: [String]

  /// The schema of `type` and a placeholder instance of it.
  func read<T: Decodable>(_ type: T.Type) throws -> (TemplateSchema, T) {
    if let value = placeholder(type) { return value }
    if let arrayType = T.self as? SchemaReadableArray.Type {
      guard let empty = arrayType.schemaEmpty as? T else { throw SchemaReadingError() }
      let elementName = templateTypeName(arrayType.schemaElementType)
      if inProgress.contains(elementName) { return (.recursive(elementName), empty) }
      guard let element = arrayType.schemaElementType as? any Decodable.Type else { throw SchemaReadingError() }
      return (.list(try readSchema(element)), empty)
    }
    let name = templateTypeName(T.self)
    let fields = SchemaFields()
    let instance = try T(from: SchemaDecoder(fields: fields, reading: SchemaReading(inProgress: inProgress + [name])))
    let meanings = (T.self as? TemplateDescribed.Type)?.keyMeanings ?? [:]
    let described = fields.fields.map { field in
      var field = field
      field.meaning = meanings[field.key] ?? ""
      return field
    }
    return (.object(TemplateObjectSchema(typeName: name, fields: described)), instance)
  }

  private func readSchema(_ type: any Decodable.Type) throws -> TemplateSchema {
    try read(type).0
  }

  private func placeholder<T: Decodable>(_ type: T.Type) -> (TemplateSchema, T)? {
    let values: [(Any, String)] = [
      (TemplateJSON(.null), "open"), (TemplateScalar(.null), "value"), ("", "text"), (false, "flag"),
      (
        0,
        "number"
      ), (Int64(0), "number"), (0.0, "number"),
    ]
    for (value, kind) in values {
      guard let typed = value as? T, Swift.type(of: value) == T.self else { continue }
      return (kind == "open" ? .open : .value(kind), typed)
    }
    return nil
  }
}

struct SchemaDecoder: Decoder {
  let fields: SchemaFields
  let reading: SchemaReading
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(SchemaKeyedDecoding<Key>(fields: fields, reading: reading))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw SchemaReadingError() }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { throw SchemaReadingError() }
}

struct SchemaKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let fields: SchemaFields
  let reading: SchemaReading
  var codingPath: [any CodingKey] { [] }
  var allKeys: [Key] { [] }

  func contains(_ key: Key) -> Bool { true }
  func decodeNil(forKey key: Key) throws -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    let (schema, value) = try reading.read(type)
    fields.record(key.stringValue, schema)
    return value
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    let value = try decode(type, forKey: key)
    fields.markOptional(key.stringValue)
    return value
  }

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }

  private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
    let value = try decode(type, forKey: key)
    fields.markOptional(key.stringValue)
    return value
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    throw SchemaReadingError()
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw SchemaReadingError() }
  func superDecoder() throws -> any Decoder { SchemaDecoder(fields: fields, reading: reading) }
  func superDecoder(forKey key: Key) throws -> any Decoder { throw SchemaReadingError() }
}

/// A model type's name as the manual shows it: `CatalogPage.Row`, without the module.
func templateTypeName(_ type: Any.Type) -> String {
  String(reflecting: type).replacingOccurrences(of: "WaymarkRendering.", with: "")
}

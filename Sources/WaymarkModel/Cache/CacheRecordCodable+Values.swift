import StructuredData

extension String: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) { writer.add(self) }
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) { self = try reader.string() }
}

extension Int: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) { writer.add(self) }
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) { self = try reader.int() }
}

extension MemoKey: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) { writer.add(self) }
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) { self = try reader.key() }
}

extension JSONValue: CacheRecordCodable {
  /// One tag byte, then the payload; object members sorted by key, so equal values write equal bytes.
  public func write(to writer: inout CacheRecordWriter) {
    switch self {
    case .null: writer.add(UInt64(0))
    case .bool(let flag): writer.add(UInt64(flag ? 2 : 1))
    case .int(let value):
      writer.add(UInt64(3))
      writer.add(Int(value))
    case .double(let value):
      writer.add(UInt64(4))
      writer.add(value)
    case .string(let text):
      writer.add(UInt64(5))
      writer.add(text)
    case .array(let elements):
      writer.add(UInt64(6))
      writer.add(elements)
    case .object(let members):
      writer.add(UInt64(7))
      writer.add(UInt64(members.count))
      for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        writer.add(key)
        writer.add(members[key] ?? .null)
      }
    }
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    switch try reader.uint() {
    case 0: self = .null
    case 1: self = .bool(false)
    case 2: self = .bool(true)
    case 3: self = .int(Int64(try reader.int()))
    case 4: self = .double(try reader.double())
    case 5: self = .string(try reader.string())
    case 6: self = .array(try reader.array(of: JSONValue.self))
    case 7:
      let count = try reader.count(minimumBytes: 2)
      var members: [String: JSONValue] = [:]
      members.reserveCapacity(count)
      for _ in 0..<count {
        let key = try reader.string()
        members[key] = try reader.value(JSONValue.self)
      }
      self = .object(members)
    default: throw CacheRecordReader.Corrupt()
    }
  }
}

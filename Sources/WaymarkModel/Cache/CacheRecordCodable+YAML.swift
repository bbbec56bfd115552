import StructuredData
import YAML

extension YAMLNode: CacheRecordCodable {
  /// Tag, anchor, positions, then the content: one kind byte and its payload.
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(tag)
    writer.add(anchor)
    for number in [start.line, start.column, end.line, end.column] { writer.add(number) }
    switch kind {
    case .scalar(let scalar):
      writer.add(UInt64(0))
      writer.add(scalar.text)
      writer.add(scalar.style.rawValue)
    case .sequence(let elements):
      writer.add(UInt64(1))
      writer.add(elements)
    case .mapping(let pairs):
      writer.add(UInt64(2))
      writer.add(UInt64(pairs.count))
      for pair in pairs {
        writer.add(pair.key)
        writer.add(pair.value)
      }
    }
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    let tag = try reader.optionalString()
    let anchor = try reader.optionalString()
    let start = SourcePosition(line: try reader.int(), column: try reader.int())
    let end = SourcePosition(line: try reader.int(), column: try reader.int())
    let kind: Kind
    switch try reader.uint() {
    case 0:
      let text = try reader.string()
      guard let style = YAMLScalarStyle(rawValue: try reader.string()) else { throw CacheRecordReader.Corrupt() }
      kind = .scalar(YAMLScalar(text: text, style: style))
    case 1: kind = .sequence(try reader.array(of: YAMLNode.self))
    case 2:
      var pairs: [YAMLPair] = []
      for _ in 0..<(try reader.count(minimumBytes: 12)) {
        pairs.append(YAMLPair(key: try reader.value(YAMLNode.self), value: try reader.value(YAMLNode.self)))
      }
      kind = .mapping(pairs)
    default: throw CacheRecordReader.Corrupt()
    }
    self.init(kind: kind, tag: tag, anchor: anchor, start: start, end: end)
  }
}

extension YAMLSourceMap: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) { writer.add(rootNode) }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    if let root = try reader.optional(YAMLNode.self) { self.init(root: root) } else { self.init() }
  }
}

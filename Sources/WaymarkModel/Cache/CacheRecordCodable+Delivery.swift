import StructuredData

extension Timestamp: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) { writer.add(Int(millisecondsSinceEpoch)) }
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(millisecondsSinceEpoch: Int64(try reader.int()))
  }
}

extension EntityRef: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(kind)
    writer.add(namespace)
    writer.add(name)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(kind: try reader.string(), namespace: try reader.string(), name: try reader.string())
  }
}

extension DeliveryMetrics: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(window.end)
    writer.add(window.days)
    writer.add(bands.rawValue)
    writer.add(org)
    for table in [entities, systems, domains, groups] {
      writer.add(UInt64(table.count))
      for ref in table.keys.sorted() {
        writer.add(ref)
        writer.add(table[ref] ?? .null)
      }
    }
    writer.add(UInt64(unmapped.count))
    for subject in unmapped {
      writer.add(subject.subject)
      writer.add(subject.events)
      writer.add(JSONValue.object(subject.types.mapValues { .int(Int64($0)) }))
    }
    writer.add(goldenPaths)
    writer.add(tickets)
    writer.add(diagnostics)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    let end = try reader.value(Timestamp.self)
    let days = try reader.int()
    guard let bands = DORABands(rawValue: try reader.string()) else { throw CacheRecordReader.Corrupt() }
    self.init(window: MetricWindow(end: end, days: days), bands: bands)
    org = try reader.value(JSONValue.self)
    var tables: [[EntityRef: JSONValue]] = []
    for _ in 0..<4 {
      var table: [EntityRef: JSONValue] = [:]
      for _ in 0..<(try reader.count(minimumBytes: 4)) {
        let ref = try reader.value(EntityRef.self)
        table[ref] = try reader.value(JSONValue.self)
      }
      tables.append(table)
    }
    (entities, systems, domains, groups) = (tables[0], tables[1], tables[2], tables[3])
    unmapped = []
    for _ in 0..<(try reader.count(minimumBytes: 3)) {
      let subject = try reader.string()
      let events = try reader.int()
      let types = try reader.value(JSONValue.self).objectValue ?? [:]
      unmapped.append(
        UnmappedSubject(subject: subject, events: events, types: types.mapValues { Int($0.intValue ?? 0) }))
    }
    goldenPaths = try reader.value(JSONValue.self)
    tickets = try reader.value(JSONValue.self)
    diagnostics = try reader.array(of: Diagnostic.self)
  }
}

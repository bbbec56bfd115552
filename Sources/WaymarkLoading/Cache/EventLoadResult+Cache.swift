import StructuredData
import WaymarkModel

extension EventLoadResult: CacheRecordCodable {
  /// Everything but the records themselves (events, tickets, rollups), which a build needs only
  /// to compute the metrics: what `api/build.json` and the build's clock read, and the counts.
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(UInt64(files.count))
    for file in files {
      writer.add(file.path)
      writer.add(file.sha256)
      writer.add(file.byteCount)
      writer.add(file.newest)
    }
    writer.add(diagnostics)
    writer.add(counts)
    writer.add(newest)
  }

  /// A summary without records: its `counts` are the ones stored (`storedCounts`).
  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init()
    for _ in 0..<(try reader.count(minimumBytes: 4)) {
      files.append(
        File(
          path: try reader.string(), sha256: try reader.string(), byteCount: try reader.int(),
          newest: try reader.optional(Timestamp.self)))
    }
    diagnostics = try reader.array(of: Diagnostic.self)
    storedCounts = try reader.value(JSONValue.self)
    newest = try reader.optional(Timestamp.self)
  }
}

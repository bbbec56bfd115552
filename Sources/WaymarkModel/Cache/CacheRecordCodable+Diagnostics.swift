extension SourceLocation: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(path)
    writer.add(line)
    writer.add(column)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(path: try reader.string(), line: try reader.int(), column: try reader.int())
  }
}

extension DiagnosticNote: CacheRecordCodable {
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(message)
    writer.add(location)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    self.init(try reader.string(), at: try reader.optional(SourceLocation.self))
  }
}

extension Diagnostic: CacheRecordCodable {
  /// The code by name: a code no longer registered makes the entry unreadable, never a new code.
  public func write(to writer: inout CacheRecordWriter) {
    writer.add(severity.rawValue)
    writer.add(code.rawValue)
    writer.add(message)
    writer.add(location)
    writer.add(notes)
  }

  public init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    guard let severity = Severity(rawValue: try reader.string()), let code = DiagnosticCode.named(try reader.string())
    else { throw CacheRecordReader.Corrupt() }
    self.init(
      severity, code: code, message: try reader.string(), location: try reader.optional(SourceLocation.self),
      notes: try reader.array(of: DiagnosticNote.self))
  }
}

import StructuredData

/// Reads the common case of a SARIF log member by member, without building the values findings
/// do not use (invocations, fingerprints, most of each result), recording where results start.
///
/// It declines (nil) whatever needs the whole-tree path's diagnostics or rarer rules: text that
/// is not valid JSON, a log that is not version `2.1.0`, `runs` that is not an array of objects
/// naming their tool (`tool.driver.name`), a repeated `runs`. That path (`JSONReader`,
/// `JSONPositionIndex`, `SARIFParser.parse(_:positions:into:)`) then reads the file as before.
enum SARIFLogReader {
  /// Thrown to stop reading as soon as the file is known to need the whole-tree path.
  private static let declined = JSONReadError(message: "not read member by member", line: 0, column: 0, offset: 0)

  /// The runs of the log in `bytes`, or nil to use the whole-tree path.
  static func read(_ bytes: [UInt8]) -> [SARIFRun]? {
    let runs: [SARIFRun]?
    do {
      runs = try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) -> [SARIFRun]? in
        guard reader.nextKind == .object else { throw declined }
        var version: JSONValue?
        var runs: [SARIFRun]?
        try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
          if reader.isKey("version") {
            version = try reader.readValue()
          } else if reader.isKey("runs") {
            guard runs == nil, reader.nextKind == .array else { throw declined }
            var list: [SARIFRun] = []
            try reader.elements { (reader: inout JSONPullReader, _: Int) throws(JSONReadError) in
              guard reader.nextKind == .object else { throw declined }
              list.append(try readRun(&reader))
            }
            runs = list
          }
        }
        guard version?.stringValue == "2.1.0", let runs,
          runs.allSatisfy({ $0.tool?["driver"]?["name"]?.stringValue != nil })
        else { return nil }
        return runs
      }
    } catch {
      return nil
    }
    return runs
  }

  private static func readRun(_ reader: inout JSONPullReader) throws(JSONReadError) -> SARIFRun {
    var run = SARIFRun()
    try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
      if reader.isKey("results") {
        run.results = []
        run.resultOffsets = []
        guard reader.nextKind == .array else { return }
        try reader.elements { (reader: inout JSONPullReader, _: Int) throws(JSONReadError) in
          run.resultOffsets.append(reader.offset)
          var fields = SARIFResultFields()
          try fields.read(&reader)
          run.results.append(fields)
        }
      } else if reader.isKey("tool") {
        run.tool = try reader.readValue()
      } else if reader.isKey("properties") {
        run.properties = try reader.readValue()
      } else if reader.isKey("originalUriBaseIds") {
        run.originalUriBaseIds = try reader.readValue()
      } else if reader.isKey("artifacts") {
        run.artifacts = try reader.readValue()
      }
    }
    return run
  }
}

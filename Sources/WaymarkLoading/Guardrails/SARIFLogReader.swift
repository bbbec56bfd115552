import StructuredData
import WaymarkModel

/// Reads the common case of a SARIF log member by member into findings, without building the
/// values findings do not use (invocations, fingerprints, most of each result) and without
/// keeping a list of results: each is turned into its finding as it is read (`SARIFRunReader`).
///
/// It declines (nil) whatever needs the whole-tree path's diagnostics or rarer rules: text that
/// is not valid JSON, a log that is not version `2.1.0`, `runs` that is not an array of objects
/// naming their tool (`tool.driver.name`), a repeated `runs`, a run member repeated after its
/// results were read. That path (`JSONReader`, `JSONPositionIndex`,
/// `SARIFParser.parse(_:positions:into:)`) then reads the file as before, and gives the same
/// findings and diagnostics for every log this reads.
package enum SARIFLogReader {
  /// Thrown to stop reading as soon as the file is known to need the whole-tree path.
  package static let declined = JSONReadError(message: "not read member by member", line: 0, column: 0, offset: 0)

  /// The findings of the log in `bytes`, read from `path`, or nil to use the whole-tree path.
  package static func read(_ bytes: [UInt8], path: String) -> ParsedGuardrailFile? {
    let parser = SARIFParser(path: path)
    var file = ParsedGuardrailFile(path: path, format: "sarif")
    var counter = LineColumnCounter(bytes)
    var version: JSONValue?
    var properties: JSONValue?
    var runsSeen = false
    var absent = 0
    do {
      try JSONPullReader.read(bytes) { (reader: inout JSONPullReader) throws(JSONReadError) in
        guard reader.nextKind == .object else { throw declined }
        try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
          if reader.isKey("version") {
            version = try reader.readValue()
          } else if reader.isKey("properties") {
            properties = try reader.readValue()
          } else if reader.isKey("runs") {
            guard !runsSeen, reader.nextKind == .array else { throw declined }
            runsSeen = true
            try reader.elements { (reader: inout JSONPullReader, _: Int) throws(JSONReadError) in
              guard reader.nextKind == .object else { throw declined }
              var run = SARIFRunReader(parser: parser, startingAt: file)
              absent += try run.read(&reader, counter: &counter, into: &file)
            }
          }
        }
      }
    } catch {
      return nil
    }
    guard version?.stringValue == "2.1.0", runsSeen else { return nil }
    let logRepository = properties?[SARIFParser.repositoryProperty]?.stringValue.flatMap(SARIFParser.repository(named:))
    parser.finish(absent: absent, logRepository: logRepository, into: &file)
    return file
  }
}

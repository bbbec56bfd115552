import Foundation
import StructuredData
import WaymarkModel
import YAML

/// What the policy-result loader read: the files and what each held.
public struct LoadedGuardrailResults: Sendable {
  /// The files read, sorted by path.
  public var files: [SourceFile]
  /// Each file's format, tools, findings and diagnostics, sorted by path.
  public var parsed: [ParsedGuardrailFile]

  /// Every diagnostic of every file.
  public var diagnostics: [Diagnostic] { parsed.flatMap(\.diagnostics) }

  /// Hands the parsed files over, leaving `parsed` empty: given to `GuardrailMapper.map`,
  /// their findings are then moved to the results instead of copied.
  public mutating func takeParsed() -> [ParsedGuardrailFile] {
    let taken = parsed
    parsed = []
    return taken
  }

  /// Creates a value from each stored property.
  package init(files: [SourceFile], parsed: [ParsedGuardrailFile]) {
    self.files = files
    self.parsed = parsed
  }
}

/// Reads policy-result files in parallel; the format is detected from the content, not the name.
///
/// JSON is SARIF (`version` + `runs`), checkov (`check_type`), conftest (an array of
/// `{filename, successes, …}`), Trivy (`SchemaVersion` + `Results`) or `opa eval`
/// (`result[].expressions`, or `{}`); anything else is
/// read as YAML and must hold PolicyReports. Unreadable or unrecognised files are errors located
/// at the offending line and column; the other files are still read.
public struct GuardrailResultLoader: Sendable {
  /// The site root.
  public let root: URL

  /// Creates a loader.
  public init(root: URL) {
    self.root = root
  }

  /// Reads every file in `paths` (root-relative), each once.
  public func load(paths: [String]) async -> LoadedGuardrailResults {
    await Self.parse(await read(paths: paths))
  }

  /// Reads every file in `paths` (root-relative), each once, in parallel: each file or why it
  /// could not be read, sorted by path.
  public func read(paths: [String]) async -> [(path: String, file: Result<SourceFile, Diagnostic>)] {
    let root = self.root
    let read = await withTaskGroup(of: (path: String, file: Result<SourceFile, Diagnostic>).self) { group in
      for path in Set(paths) { group.addTask { (path, SourceFile.read(path, under: root)) } }
      var read: [(path: String, file: Result<SourceFile, Diagnostic>)] = []
      for await file in group { read.append(file) }
      return read
    }
    return read.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Parses the files `read(paths:)` read, in parallel; a file that could not be read is
  /// reported in its place.
  public static func parse(_ read: [(path: String, file: Result<SourceFile, Diagnostic>)]) async
    -> LoadedGuardrailResults
  {
    let parsed = await withTaskGroup(of: (Int, ParsedGuardrailFile).self) { group in
      for (index, entry) in read.enumerated() {
        group.addTask {
          switch entry.file {
          case .failure(let diagnostic):
            var parsed = ParsedGuardrailFile(path: entry.path, format: "unknown")
            parsed.diagnostics.append(diagnostic)
            return (index, parsed)
          case .success(let file):
            return (index, Self.parse(file).limited())
          }
        }
      }
      var parsed: [(Int, ParsedGuardrailFile)] = []
      for await file in group { parsed.append(file) }
      return parsed.sorted { $0.0 < $1.0 }.map(\.1)
    }
    return LoadedGuardrailResults(files: read.compactMap { try? $0.file.get() }, parsed: parsed)
  }

  /// The first byte of a results file's content, after a byte-order mark and whitespace: `{`
  /// or `[` is JSON, `<` XML, anything else YAML; nil for an empty file.
  public static func firstContentByte(_ bytes: [UInt8]) -> UInt8? {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    return start < bytes.count ? bytes[start] : nil
  }

  /// Detects the format of one file and parses it; never throws.
  public static func parse(_ file: SourceFile) -> ParsedGuardrailFile {
    let path = file.path
    guard let first = firstContentByte(file.bytes) else {
      var parsed = ParsedGuardrailFile(path: path, format: "unknown")
      parsed.diagnostics.append(
        .error(.policyUnknownFormat, "policy results file is empty", at: SourceLocation(path: path, line: 1, column: 1))
      )
      return parsed
    }
    switch first {
    case UInt8(ascii: "{"), UInt8(ascii: "["): return parseJSON(file)
    case UInt8(ascii: "<"):
      var parsed = ParsedGuardrailFile(path: path, format: "unknown")
      parsed.diagnostics.append(
        .error(
          .policyUnknownFormat,
          "XML (e.g. JUnit) policy results are not supported; export SARIF, PolicyReport, checkov, conftest or opa eval JSON",
          at: SourceLocation(path: path, line: 1, column: 1)))
      return parsed
    default: return parseYAML(file)
    }
  }

  private static func parseJSON(_ file: SourceFile) -> ParsedGuardrailFile {
    let path = file.path
    if let parsed = SARIFLogReader.read(file.bytes, path: path) {
      // The common case of SARIF, read without building the whole tree; anything else (other
      // formats, bad JSON, unusual logs) takes the general path below.
      return parsed
    }
    return parseJSONTree(file)
  }

  /// Reads a JSON results file as a whole `JSONValue` tree (every format; SARIF too).
  ///
  /// `parse` gives the same value for every JSON file, reading common SARIF logs member by
  /// member instead; public so that the SARIF fuzzer can check the two against each other.
  public static func parseJSONTree(_ file: SourceFile) -> ParsedGuardrailFile {
    let path = file.path
    let value: JSONValue
    do {
      value = try JSONReader().parse(file.bytes)
    } catch {
      var parsed = ParsedGuardrailFile(path: path, format: "unknown")
      parsed.diagnostics.append(
        .error(
          .policyBadJSON, "policy results file is not valid JSON: \(error.message)",
          at: SourceLocation(path: path, line: error.line, column: error.column)))
      return parsed
    }
    if value["runs"] != nil
      || (value["version"] != nil && value["$schema"]?.stringValue?.lowercased().contains("sarif") == true)
    {
      var parsed = ParsedGuardrailFile(path: path, format: "sarif")
      SARIFParser(path: path).parse(
        value, positions: JSONPositionIndex(bytes: file.bytes, maximumDepth: 4), into: &parsed)
      return parsed
    }
    if CheckovParser.recognises(value) {
      var parsed = ParsedGuardrailFile(path: path, format: "checkov")
      CheckovParser(path: path).parse(
        value, positions: JSONPositionIndex(bytes: file.bytes, maximumDepth: 4), into: &parsed)
      return parsed
    }
    if ConftestParser.recognises(value) {
      var parsed = ParsedGuardrailFile(path: path, format: "conftest")
      ConftestParser(path: path).parse(
        value, positions: JSONPositionIndex(bytes: file.bytes, maximumDepth: 3), into: &parsed)
      return parsed
    }
    if TrivyJSONParser.recognises(value) {
      var parsed = ParsedGuardrailFile(path: path, format: "trivy")
      let positions = JSONPositionIndex(bytes: file.bytes, maximumDepth: 7)
      TrivyJSONParser(path: path).parse(value, positions: positions, into: &parsed)
      return parsed
    }
    if OPAEvalParser.recognises(value) {
      var parsed = ParsedGuardrailFile(path: path, format: "opa")
      OPAEvalParser(path: path).parse(
        value, positions: JSONPositionIndex(bytes: file.bytes, maximumDepth: 7), into: &parsed)
      return parsed
    }
    var parsed = ParsedGuardrailFile(path: path, format: "unknown")
    parsed.diagnostics.append(
      .error(
        .policyUnknownFormat,
        "JSON is not SARIF 2.1.0, checkov, conftest, Trivy or opa eval output (found \(Self.shape(of: value)))",
        at: SourceLocation(path: path, line: 1, column: 1)))
    return parsed
  }

  private static func parseYAML(_ file: SourceFile) -> ParsedGuardrailFile {
    let path = file.path
    var parsed = ParsedGuardrailFile(path: path, format: "policyreport")
    let stream = YAMLLoader().load(bytes: PolicyReportParser.strippingBanner(file.bytes))
    if PolicyReportParser(path: path).parse(stream, into: &parsed) {
      parsed.diagnostics += stream.problems.map { Diagnostic(yaml: $0, path: path) }
      return parsed
    }
    var unknown = ParsedGuardrailFile(path: path, format: "unknown")
    let notes = stream.problems.prefix(1).map {
      DiagnosticNote("as YAML: \($0.message)", at: SourceLocation(path: path, position: $0.position))
    }
    unknown.diagnostics.append(
      .error(
        .policyUnknownFormat,
        "not a policy results file: expected SARIF, checkov, conftest or opa eval JSON, or PolicyReport YAML",
        at: SourceLocation(path: path, line: 1, column: 1), notes: notes))
    return unknown
  }

  /// A short description of a JSON value's top level, for the unknown-format message.
  private static func shape(of value: JSONValue) -> String {
    switch value {
    case .object(let members):
      let keys = members.keys.sorted().prefix(4).map { "'\($0)'" }.joined(separator: ", ")
      return keys.isEmpty ? "an empty object" : "an object with keys \(keys)"
    case .array(let elements): return "an array of \(elements.count) element(s)"
    default: return value.typeName
    }
  }
}

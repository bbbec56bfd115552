import StructuredData
import WaymarkModel

/// Reads one run of a SARIF log member by member, turning each result into its finding as it
/// is read.
///
/// Tools write `tool` before `results` (the spec's own order), so the rules are known when the
/// results come: each result is read into one reused `SARIFResultFields` and converted at once.
/// What a run may write after its results is applied when the run ends: `originalUriBaseIds`
/// and `artifacts` re-resolve the files that depend on them, `properties` gives the run's
/// entity to the findings that name none. Results before `tool` are held and converted at the
/// end. A member seen again after results were converted (a second `tool`, say) declines the
/// log, since the whole tree keeps the last copy of a repeated key.
package struct SARIFRunReader {
  package let parser: SARIFParser
  private var run = SARIFRun()
  /// Which run members were read, for telling a late member from a repeated one.
  private var seen: Set<String> = []
  /// Whether the results were converted as read (rather than held in `run.results`).
  private var converted = false
  /// Where this run's findings and diagnostics start in the file's lists.
  private let findingsStart: Int
  private let diagnosticsStart: Int
  private var absent = 0
  /// Converted findings whose file may depend on URI bases or artifacts read after them.
  private var pending: [PendingFile] = []
  private var urisLate = false
  private var propertiesLate = false
  private var provenanceLate = false

  /// A converted finding's URI as written, kept until the run's URI bases are all known.
  private struct PendingFile {
    var finding: Int
    var uri: String?
    var uriBaseId: String?
    var artifactIndex: Int64?
    /// Whether `uri` has a scheme, decided as the result is read: checked again when the run
    /// ends, the string would be read from memory long since evicted from the cache.
    var isAbsolute: Bool
  }

  /// A reader for the next run of `file`.
  package init(parser: SARIFParser, startingAt file: borrowing ParsedGuardrailFile) {
    self.parser = parser
    findingsStart = file.findings.count
    diagnosticsStart = file.diagnostics.count
  }

  /// Reads the run at the reader's position into `file`; returns how many `absent` results it
  /// skipped. Throws `SARIFLogReader.declined` for a run the whole-tree path must read.
  package mutating func read(
    _ reader: inout JSONPullReader, counter: inout LineColumnCounter, into file: inout ParsedGuardrailFile
  ) throws(JSONReadError) -> Int {
    try reader.members { (reader: inout JSONPullReader) throws(JSONReadError) in
      if reader.isKey("results") {
        try readResults(&reader, counter: &counter, into: &file)
      } else if reader.isKey("tool") {
        try note("tool")
        run.tool = try reader.readValue()
      } else if reader.isKey("properties") {
        try note("properties")
        propertiesLate = converted
        run.properties = try reader.readValue()
      } else if reader.isKey("originalUriBaseIds") {
        try note("originalUriBaseIds")
        urisLate = urisLate || converted
        run.originalUriBaseIds = try reader.readValue()
      } else if reader.isKey("artifacts") {
        try note("artifacts")
        urisLate = urisLate || converted
        run.artifacts = try reader.readValue()
      } else if reader.isKey("versionControlProvenance") {
        try note("versionControlProvenance")
        provenanceLate = converted
        run.versionControlProvenance = try reader.readValue()
      } else if reader.isKey("invocations") {
        try note("invocations")
        run.invocations = try reader.readValue()
        // Overrides change the levels of results already converted: the whole tree reads those.
        let overrides = run.invocations?.arrayValue?.contains { $0["ruleConfigurationOverrides"] != nil } == true
        if converted, overrides {
          throw SARIFLogReader.declined
        }
      }
    }
    return try finish(counter: &counter, into: &file)
  }

  /// Records that `member` was read; once results are converted, a repeat declines the log.
  private mutating func note(_ member: String) throws(JSONReadError) {
    if !seen.insert(member).inserted, converted { throw SARIFLogReader.declined }
  }

  private mutating func readResults(
    _ reader: inout JSONPullReader, counter: inout LineColumnCounter, into file: inout ParsedGuardrailFile
  ) throws(JSONReadError) {
    // A repeated `results` replaces the earlier one, as in the whole tree.
    file.findings.removeSubrange(findingsStart...)
    file.diagnostics.removeSubrange(diagnosticsStart...)
    run.results = []
    run.resultOffsets = []
    pending = []
    absent = 0
    converted = false
    urisLate = false
    propertiesLate = false
    provenanceLate = false
    guard reader.nextKind == .array else { return }
    guard let context = parser.context(for: run) else {
      // No tool yet: the results are held and converted when the run ends.
      try reader.elements { (reader: inout JSONPullReader, _: Int) throws(JSONReadError) in
        run.resultOffsets.append(reader.offset)
        var fields = SARIFResultFields()
        try fields.read(&reader)
        run.results.append(fields)
      }
      return
    }
    converted = true
    // Room for the results the rest of the file can hold at a few hundred bytes each, so the
    // list is not copied as it grows; pages never written are never touched.
    file.findings.reserveCapacity(file.findings.count + (reader.byteCount - reader.offset) / 384)
    let basesKnown = seen.contains("originalUriBaseIds") && seen.contains("artifacts")
    try reader.elements { (reader: inout JSONPullReader, _: Int) throws(JSONReadError) in
      let offset = reader.offset
      var fields = SARIFResultFields()
      try fields.read(&reader)
      if fields.baselineState == "absent" {
        absent += 1
        return
      }
      let input = SourceLocation(path: parser.path, position: counter.position(of: offset))
      if !basesKnown,
        fields.uriBaseId != nil || !(fields.uri.map { GuardrailPath.isPlain($0, allowingEscapes: false) } ?? false)
      {
        pending.append(
          PendingFile(
            finding: file.findings.count, uri: fields.uri, uriBaseId: fields.uriBaseId,
            artifactIndex: fields.artifactIndex,
            isAbsolute: fields.uri.map(SARIFURIResolver.isAbsolute) ?? false))
      }
      file.findings.append(parser.finding(fields, input: input, run: context, diagnostics: &file.diagnostics))
    }
  }

  /// Converts held results, or applies what came after converted ones; notes the tool.
  private mutating func finish(counter: inout LineColumnCounter, into file: inout ParsedGuardrailFile)
    throws(JSONReadError) -> Int
  {
    guard let context = parser.context(for: run) else { throw SARIFLogReader.declined }
    if !converted {
      let inputs = run.resultOffsets.map { SourceLocation(path: parser.path, position: counter.position(of: $0)) }
      return parser.parse(run: run, inputs: inputs, into: &file)
    }
    file.noteTool(context.toolName)
    if urisLate {
      // A relative URI under a base that adds no prefix resolved then as it does now; the rest
      // (absolute URIs, artifact indexes, prefixed bases) are resolved again.
      var lastBase: String?
      var lastBaseLeavesURIs = true
      for entry in pending {
        if entry.uri != nil, !entry.isAbsolute {
          if entry.uriBaseId != lastBase {
            lastBase = entry.uriBaseId
            lastBaseLeavesURIs = context.uris.leavesPlainURIsAsWritten(under: lastBase)
          }
          if lastBaseLeavesURIs {
            file.findings[entry.finding].fileBase = context.uris.fileBase(
              uri: entry.uri, uriBaseId: entry.uriBaseId, index: entry.artifactIndex)
            continue
          }
        }
        file.findings[entry.finding].file = context.uris.resolve(
          uri: entry.uri, uriBaseId: entry.uriBaseId, index: entry.artifactIndex)
        file.findings[entry.finding].fileBase = context.uris.fileBase(
          uri: entry.uri, uriBaseId: entry.uriBaseId, index: entry.artifactIndex)
      }
    }
    if provenanceLate || propertiesLate, context.runRepository != nil || !context.baseRepositories.isEmpty {
      // Results name their own repository only in their properties; the rest get the run's.
      guard context.baseRepositories.isEmpty else { throw SARIFLogReader.declined }
      for index in findingsStart..<file.findings.count where file.findings[index].repository == nil {
        file.findings[index].repository = context.runRepository
      }
    }
    if propertiesLate, let runEntity = context.runEntity {
      for index in findingsStart..<file.findings.count where file.findings[index].entityRef == nil {
        file.findings[index].entityRef = runEntity
      }
    }
    return absent
  }
}

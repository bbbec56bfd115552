import StructuredData

/// The parts of a SARIF run that findings need: its tool, properties, URI bases, artifacts and
/// results (each with where it starts in the file).
struct SARIFRun {
  var tool: JSONValue?
  var properties: JSONValue?
  var originalUriBaseIds: JSONValue?
  var artifacts: JSONValue?
  var results: [SARIFResultFields] = []
  /// The byte offset of each result in the file, parallel to `results` (member-by-member reads).
  var resultOffsets: [Int] = []

  init() {}

  /// The parts of a run read whole; `resultOffsets` stays empty.
  init(_ run: JSONValue) {
    tool = run["tool"]
    properties = run["properties"]
    originalUriBaseIds = run["originalUriBaseIds"]
    artifacts = run["artifacts"]
    results = (run["results"]?.arrayValue ?? []).map(SARIFResultFields.init)
  }
}

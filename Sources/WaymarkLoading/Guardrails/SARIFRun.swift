import StructuredData

/// The parts of a SARIF run that findings need: its tool, properties, URI bases, artifacts and
/// results (each with where it starts in the file).
package struct SARIFRun {
  package var tool: JSONValue?
  package var properties: JSONValue?
  package var originalUriBaseIds: JSONValue?
  package var artifacts: JSONValue?
  package var versionControlProvenance: JSONValue?
  package var invocations: JSONValue?
  package var results: [SARIFResultFields] = []
  /// The byte offset of each result in the file, parallel to `results` (member-by-member reads).
  package var resultOffsets: [Int] = []

  package init() {}

  /// The parts of a run read whole; `resultOffsets` stays empty.
  package init(_ run: JSONValue) {
    tool = run["tool"]
    properties = run["properties"]
    originalUriBaseIds = run["originalUriBaseIds"]
    artifacts = run["artifacts"]
    versionControlProvenance = run["versionControlProvenance"]
    invocations = run["invocations"]
    results = (run["results"]?.arrayValue ?? []).map(SARIFResultFields.init)
  }
}

import WaymarkKit

/// One policy-results file through the library, as a build reads it: format detection and
/// parsing (`PolicyResultLoader.parse`), then mapping each finding to the catalog.
public struct PolicyResultHarness: Sendable {
  /// The format this fuzzer explores (`sarif`, `checkov`, `conftest`, `opa`, `policyreport`).
  public let format: String
  /// Where the file is, root-relative; mapping by path starts from it.
  public let path: String
  private let mapper: PolicyResultMapper

  /// A harness for `format`, mapping to the shared fuzzing catalog.
  public init(format: String, path: String) {
    self.format = format
    self.path = path
    mapper = PolicyResultMapper(catalog: FuzzSite(["catalog-info.yaml": FuzzSite.catalogYAML]).catalog())
  }

  /// Parses and maps `bytes`; inputs read as another format are run but left out of the corpus,
  /// so each fuzzer's corpus stays on its own format's code.
  public func run(_ bytes: [UInt8]) -> CInt {
    let parsed = PolicyResultLoader.parse(SourceFile(path: path, bytes: bytes))
    let (_, diagnostics) = mapper.map([parsed])
    DiagnosticInvariants.check(parsed.diagnostics + diagnostics, path: path, bytes: bytes)
    return parsed.format == format ? FuzzInput.keep : FuzzInput.reject
  }
}

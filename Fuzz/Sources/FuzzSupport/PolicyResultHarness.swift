import WaymarkGuardrails
import WaymarkLoading
import WaymarkModel

/// One policy-results file through the library, as a build reads it: format detection and
/// parsing (`GuardrailResultLoader.parse`), then mapping each finding to the catalog.
public struct PolicyResultHarness: Sendable {
  /// The format this fuzzer explores (`sarif`, `checkov`, `conftest`, `opa`, `policyreport`).
  public let format: String
  /// Where the file is, root-relative; mapping by path starts from it.
  public let path: String
  /// Whether every JSON input is also read as a whole tree and must give the same value.
  public let comparesWithWholeTree: Bool
  private let mapper: GuardrailMapper

  /// A harness for `format`, mapping to the shared fuzzing catalog; `comparesWithWholeTree`
  /// makes the whole-tree reader (`GuardrailResultLoader.parseJSONTree`) the oracle for the
  /// member-by-member SARIF reader, which must agree with it on every JSON file.
  public init(format: String, path: String, comparesWithWholeTree: Bool = false) {
    self.format = format
    self.path = path
    self.comparesWithWholeTree = comparesWithWholeTree
    mapper = GuardrailMapper(catalog: FuzzSite(["catalog-info.yaml": FuzzSite.catalogYAML]).catalog())
  }

  /// Parses and maps `bytes`; inputs read as another format are run but left out of the corpus,
  /// so each fuzzer's corpus stays on its own format's code.
  public func run(_ bytes: [UInt8]) -> CInt {
    let file = SourceFile(path: path, bytes: bytes)
    let parsed = GuardrailResultLoader.parse(file)
    if comparesWithWholeTree,
      [UInt8(ascii: "{"), UInt8(ascii: "[")].contains(GuardrailResultLoader.firstContentByte(bytes))
    {
      let tree = GuardrailResultLoader.parseJSONTree(file)
      if tree != parsed { fatalError("the member-by-member reader disagrees with the whole tree:\n\(parsed)\n\(tree)") }
    }
    let (_, diagnostics) = mapper.map([parsed])
    DiagnosticInvariants.check(parsed.diagnostics + diagnostics, path: path, bytes: bytes)
    return parsed.format == format ? FuzzInput.keep : FuzzInput.reject
  }
}

import WaymarkKit

/// One policy-results file through the library, as a build reads it: format detection and
/// parsing (`PolicyResultLoader.parse`), then mapping each finding to the catalog.
public struct PolicyResultHarness: Sendable {
  /// The format this fuzzer explores (`sarif`, `checkov`, `conftest`, `opa`, `policyreport`).
  public let format: String
  /// Where the file is, root-relative; mapping by path starts from it.
  public let path: String
  /// Whether every JSON input is also read as a whole tree and must give the same value.
  public let comparesWithWholeTree: Bool
  private let mapper: PolicyResultMapper

  /// A harness for `format`, mapping to the shared fuzzing catalog; `comparesWithWholeTree`
  /// makes the whole-tree reader (`PolicyResultLoader.parseJSONTree`) the oracle for the
  /// member-by-member SARIF reader, which must agree with it on every JSON file.
  public init(format: String, path: String, comparesWithWholeTree: Bool = false) {
    self.format = format
    self.path = path
    self.comparesWithWholeTree = comparesWithWholeTree
    mapper = PolicyResultMapper(catalog: FuzzSite(["catalog-info.yaml": FuzzSite.catalogYAML]).catalog())
  }

  /// Parses and maps `bytes`; inputs read as another format are run but left out of the corpus,
  /// so each fuzzer's corpus stays on its own format's code.
  public func run(_ bytes: [UInt8]) -> CInt {
    let file = SourceFile(path: path, bytes: bytes)
    let parsed = PolicyResultLoader.parse(file)
    if comparesWithWholeTree, Self.isJSON(bytes) {
      let tree = PolicyResultLoader.parseJSONTree(file)
      if tree != parsed { fatalError("the member-by-member reader disagrees with the whole tree:\n\(parsed)\n\(tree)") }
    }
    let (_, diagnostics) = mapper.map([parsed])
    DiagnosticInvariants.check(parsed.diagnostics + diagnostics, path: path, bytes: bytes)
    return parsed.format == format ? FuzzInput.keep : FuzzInput.reject
  }

  /// Whether `PolicyResultLoader.parse` reads `bytes` as JSON: `{` or `[` first, after a
  /// byte-order mark and whitespace.
  static func isJSON(_ bytes: [UInt8]) -> Bool {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    return start < bytes.count && (bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "["))
  }
}

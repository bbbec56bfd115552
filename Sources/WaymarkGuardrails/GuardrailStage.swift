import WaymarkLoading
import WaymarkModel

/// The guardrail stage: reads the guardrail results (SARIF, PolicyReport, checkov, conftest, OPA)
/// and maps each to the entity it is about.
public struct GuardrailStage: Sendable {
  /// What the stage produced.
  public struct Output: Sendable {
    /// The results by entity, and those that map to none.
    public var results: GuardrailResults
    /// The results files read.
    public var files: [SourceFile]
    /// How many results the files held.
    public var resultCount: Int
    /// Reading and mapping problems.
    public var diagnostics: [Diagnostic]
  }

  /// The site's settings and files.
  public let inputs: SiteInputs
  /// The catalog the results are mapped to.
  public let catalog: Catalog

  /// Creates the stage.
  public init(inputs: SiteInputs, catalog: Catalog) {
    self.inputs = inputs
    self.catalog = catalog
  }

  /// Reads and maps every results file.
  public func run() async -> Output {
    await run(read: await GuardrailResultLoader(root: inputs.root).read(paths: paths))
  }

  /// The results files the settings' globs match.
  var paths: [String] { inputs.files(matching: inputs.config.policyResultGlobs) }

  /// Parses and maps the files read; the catalog is indexed for mapping while they are parsed.
  func run(read: [(path: String, file: Result<SourceFile, Diagnostic>)]) async -> Output {
    async let mapper = GuardrailMapper(catalog: catalog, settings: inputs.config.guardrails)
    var loaded = await GuardrailResultLoader.parse(read)
    let readDiagnostics = loaded.diagnostics
    let resultCount = loaded.parsed.reduce(0) { $0 + $1.findings.count }
    let (results, mapDiagnostics) = await mapper.map(loaded.takeParsed())
    return Output(
      results: results, files: loaded.files, resultCount: resultCount, diagnostics: readDiagnostics + mapDiagnostics)
  }
}

extension GuardrailStage.Output {
  /// The stage's progress line.
  public var summary: String {
    "\(resultCount) results from \(files.count) policy files, \(results.unmapped.count) unmapped"
  }
}

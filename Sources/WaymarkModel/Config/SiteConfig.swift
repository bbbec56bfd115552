/// The site's settings from `waymark.yaml`; every key is optional and defaults to this repo's layout.
public struct SiteConfig: Sendable, Hashable {
  /// The portal's title, shown in every page header.
  public var title: String
  /// The URL prefix every link starts with (`/`, or `/portal/` on a sub-path).
  public var baseURL: String
  /// Globs for catalog YAML files, relative to the root.
  public var catalogGlobs: [String]
  /// Where waymark.yaml sets `inputs.catalog`, or nil when it is the default.
  public var catalogGlobsLocation: SourceLocation?
  /// Globs for pipeline event exports.
  public var eventGlobs: [String]
  /// Globs for delivery rollups (JSON Lines of `DeliveryRollup`s, made by `contrib/rollups/`).
  public var rollupGlobs: [String] = ["content/delivery-rollups/**/*"]
  /// Globs for policy-result files (SARIF, conftest, PolicyReport, …).
  public var policyResultGlobs: [String]
  /// Globs for files no input reads, whatever kind (`inputs.exclude`).
  public var excludeGlobs: [String] = []
  /// Whether catalog files under the folders Software Templates fetch their content from are
  /// read (`inputs.templateContent: read`); by default (`exclude`) they are not.
  public var readsTemplateContent: Bool = false
  /// The scorecard policies folder.
  public var policiesDirectory: String
  /// The site's own layouts folder, overriding the built-in theme template by template.
  public var layoutsDirectory: String
  /// The output folder.
  public var outputDirectory: String
  /// Where waymark.yaml sets `output`, or nil when it is the default (for diagnostics about it).
  public var outputLocation: SourceLocation?
  /// Where waymark.yaml sets `layouts`, or nil when it is the default.
  public var layoutsLocation: SourceLocation?
  /// The build's notion of "now" (ISO 8601), when not given with `--as-of`.
  public var asOf: String?
  /// Delivery metrics settings (`metrics:`).
  public var metrics = MetricsSettings()
  /// Guardrail-result mapping settings (`guardrails:`).
  public var guardrails = GuardrailSettings()
  /// Catalog settings (`catalog:`): external entities, the severity of dangling references.
  public var catalog = CatalogSettings()
  /// How `waymark fetch` reads GitHub and GitLab URLs (`integrations:`).
  public var integrations = IntegrationSettings()
  /// Diagnostic settings (`diagnostics:`): codes silenced.
  public var diagnostics = DiagnosticSettings()
  /// Whether raw HTML in docs pages passes through (`docs.unsafeHTML`); off, it is removed.
  public var docsUnsafeHTML: Bool = false
  /// Whether broken links in docs are errors rather than warnings (`docs.brokenLinksAreErrors`).
  public var docsBrokenLinksAreErrors: Bool = false

  /// The defaults: this repository's top level.
  public init(
    title: String = "Acme Developer Portal",
    baseURL: String = "/",
    catalogGlobs: [String] = ["content/catalog/**/*.yaml", "**/catalog-info.yaml"],
    eventGlobs: [String] = ["content/events/**/*"],
    policyResultGlobs: [String] = ["content/policy-results/**/*"],
    policiesDirectory: String = "policies",
    layoutsDirectory: String = "layouts",
    outputDirectory: String = "output",
    asOf: String? = nil
  ) {
    self.title = title
    self.baseURL = baseURL
    self.catalogGlobs = catalogGlobs
    self.eventGlobs = eventGlobs
    self.policyResultGlobs = policyResultGlobs
    self.policiesDirectory = policiesDirectory
    self.layoutsDirectory = layoutsDirectory
    self.outputDirectory = outputDirectory
    self.asOf = asOf
  }
}

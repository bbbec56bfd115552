import WaymarkLoading
import WaymarkModel

/// The catalog stage: reads the catalog files the globs match (and every file their Locations
/// name), then validates each document into the `Catalog`, in Backstage's order.
public struct CatalogStage: Sendable {
  /// What the stage produced.
  public struct Output: Sendable {
    /// What was read: documents and files.
    public var loaded: LoadedCatalog
    /// Every valid entity with its relations.
    public var catalog: Catalog
    /// Reading and validation problems.
    public var diagnostics: [Diagnostic]

    /// The number of relations of every entity.
    public var relationCount: Int { catalog.entities.reduce(0) { $0 + $1.relations.count } }
  }

  /// The site's settings and files.
  public let inputs: SiteInputs

  /// Creates the stage.
  public init(inputs: SiteInputs) {
    self.inputs = inputs
  }

  /// The catalog files the globs match, root-relative and sorted.
  public var paths: [String] { inputs.files(matching: inputs.config.catalogGlobs) }

  /// Reads the catalog files (the `load` step).
  public func load() async -> LoadedCatalog {
    await CatalogLoader(root: inputs.root).load(paths: paths, available: inputs.files)
  }

  /// Validates what was read into the catalog (the `model` step).
  public func assemble(_ loaded: LoadedCatalog) -> Output {
    let (catalog, diagnostics) = CatalogBuilder().build(loaded.documents)
    return Output(loaded: loaded, catalog: catalog, diagnostics: loaded.diagnostics + diagnostics)
  }
}

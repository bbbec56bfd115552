import WaymarkLoading
import WaymarkModel

/// The docs stage: finds each entity's TechDocs site, reads and renders its pages, and checks
/// every link.
public struct DocsStage: Sendable {
  /// The site's settings and files.
  public let inputs: SiteInputs
  /// The catalog whose entities name the docs sites.
  public let catalog: Catalog

  /// Creates the stage.
  public init(inputs: SiteInputs, catalog: Catalog) {
    self.inputs = inputs
    self.catalog = catalog
  }

  /// Every docs site, rendered, with its diagnostics.
  public func run() async -> DocsSet {
    await DocsSetBuilder(root: inputs.root, config: inputs.config, remote: inputs.remote).build(
      catalog: catalog, files: inputs.files)
  }
}

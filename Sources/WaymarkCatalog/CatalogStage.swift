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

  /// Reads the catalog files (the `load` step); no file to read is an error naming files that
  /// look like entities.
  public func load() async -> LoadedCatalog {
    await load(memo: nil)
  }

  /// `load()`, taking the files `memo` holds (by path and bytes) as parsed rather than parsing
  /// them again; the result's `memoEntries` are this build's, for the next.
  package func load(memo: CacheTable?) async -> LoadedCatalog {
    let paths = self.paths
    var loader = CatalogLoader(
      root: inputs.root, excludeGlobs: inputs.config.excludeGlobs,
      readsTemplateContent: inputs.config.readsTemplateContent, remote: inputs.remote)
    loader.memo = memo
    var loaded = await loader.load(paths: paths, available: inputs.files)
    if paths.isEmpty { loaded.diagnostics.append(noInput()) }
    return loaded
  }

  /// Validates what was read into the catalog (the `model` step).
  public func assemble(_ loaded: LoadedCatalog) -> Output {
    var built = CatalogBuilder(settings: inputs.config.catalog).buildOutput(loaded.documents)
    if !built.danglingTargets.isEmpty { noteUnreadDefinitions(in: &built, loaded: loaded) }
    return Output(loaded: loaded, catalog: built.catalog, diagnostics: loaded.diagnostics + built.diagnostics)
  }

  private func noInput() -> Diagnostic {
    let globs = inputs.config.catalogGlobs.map { "'\($0)'" }.joined(separator: ", ")
    var message = "no catalog file matches \(globs)"
    let lookalikes = EntityFileScanner(root: inputs.root).lookalikes(in: inputs.files)
    if lookalikes.isEmpty {
      message += "; no YAML file in the site holds an entity (apiVersion: backstage.io/…)"
    } else {
      message += "; these files look like entities: " + lookalikes.map { "'\($0)'" }.joined(separator: ", ")
    }
    return .error(.catalogNoInput, message, at: inputs.config.catalogGlobsLocation)
  }

  /// A dangling reference whose target is defined in a YAML file no glob reads gets a note there.
  /// The unread files are looked through only now, when some reference dangles.
  private func noteUnreadDefinitions(in built: inout CatalogBuilder.Output, loaded: LoadedCatalog) {
    let read = Set(paths).union(loaded.files.map(\.path))
    let unread = inputs.files.filter { EntityFileScanner.isYAML($0) && !read.contains($0) }
    guard !unread.isEmpty else { return }
    let definitions = EntityFileScanner(root: inputs.root).definitions(
      of: Set(built.danglingTargets.values), in: unread)
    for (index, target) in built.danglingTargets {
      guard let location = definitions[target] else { continue }
      let glob = EntityFileScanner.suggestedGlob(for: location.path)
      built.diagnostics[index].notes.append(
        DiagnosticNote(
          "'\(target)' is defined in \(location.path), which no catalog glob reads; add '\(glob)' to inputs.catalog",
          at: location))
    }
  }
}

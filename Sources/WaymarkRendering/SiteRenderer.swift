import StructuredData
import WaymarkModel
import WaymarkScorecards

/// What the render stage needs: the settings, the model, the layouts and the build's `now`.
public struct RenderInput: Sendable {
  /// The site settings.
  public var config: SiteConfig
  /// The catalog.
  public var catalog: Catalog
  /// The layouts.
  public var layouts: LayoutSet
  /// The build's "now".
  public var now: Timestamp
  /// Scorecard results.
  public var scorecards: ScorecardOutcome
  /// Delivery metrics, when the site has event exports.
  public var delivery: DeliveryMetrics?
  /// The entities' docs sites, rendered and link-checked.
  public var docs: DocsSet = .empty
  /// Guardrail results attached to entities.
  public var guardrails: GuardrailResults = .empty
  /// The event loader's counts (`api/build.json`'s `counts.events`), when the site has event exports.
  public var eventCounts: JSONValue?
  /// The keys of what this input holds, from the build cache (see `RenderInputKeys`).
  package var inputKeys: RenderInputKeys?
  /// The full-text index's parts earlier builds computed, from the build cache.
  package var searchMemo: SearchMemo?
  /// The key of each of `docs.sites` by its content (`MemoHasher.add(_: DocsSite)`), in the same
  /// order, when the input has keys; made once by the renderer (`withDocsSiteKeys()`).
  package var docsSiteKeys: [MemoKey] = []

  /// Creates a render input.
  public init(
    config: SiteConfig, catalog: Catalog, layouts: LayoutSet, now: Timestamp, scorecards: ScorecardOutcome = .empty,
    delivery: DeliveryMetrics? = nil
  ) {
    self.config = config
    self.catalog = catalog
    self.layouts = layouts
    self.now = now
    self.scorecards = scorecards
    self.delivery = delivery
  }
}

/// What the render stage produced.
public struct RenderedSite: Sendable {
  /// Every output file, sorted by path.
  public var files: [OutputFile]
  /// The layouts pages chose, for the unused-layout check.
  public var chosenLayouts: Set<LayoutResolver.Choice>
  /// Problems found while rendering.
  public var diagnostics: [Diagnostic]
}

/// Renders every HTML page and JSON API file of the portal.
public struct SiteRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// A page to render: where it goes, what it is, and its typed model (a `SitePage`), encoded
  /// for the layouts when the page renders, in parallel with the other pages.
  package struct Page: Sendable {
    package var path: String
    package var descriptor: PageDescriptor
    package var model: any Encodable & Sendable
    package var layoutLocation: SourceLocation?
    /// Builds the model when the page is rendered, for pages whose models grow with the site
    /// (a docs page holds its site's whole navigation): only the pages being rendered hold one.
    package var deferredModel: (@Sendable () -> any Encodable & Sendable)?
    /// The key of everything the page's model is built from, when the build cache gave the
    /// render input's keys (`RenderInput.inputKeys`): a page whose key is unchanged is taken
    /// from the previous build without building its model (`SiteRenderer.renderPage`).
    package var inputsKey: (@Sendable () -> MemoKey)?

    /// The view model: the deferred one, built now, else `model`.
    package func viewModel() -> any Encodable & Sendable { deferredModel?() ?? model }
  }

  /// Renders the site into memory (see `render(_:into:)`), every file sorted by path.
  public func render(_ input: RenderInput) async -> RenderedSite {
    let streamed = await render(input, into: KeepingSink())
    var files = streamed.receipts.flatMap { $0 }
    files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return RenderedSite(files: files, chosenLayouts: streamed.chosenLayouts, diagnostics: streamed.diagnostics)
  }
}

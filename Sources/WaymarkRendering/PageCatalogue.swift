import StructuredData
import WaymarkModel

/// Lists the portal's pages, each with its typed model encoded for the layouts.
package struct PageCatalogue {
  package let input: RenderInput

  /// Creates the catalogue of `input`'s pages.
  package init(input: RenderInput) {
    self.input = input
  }

  /// The annotation a catalog entity uses to ask for a layout by name.
  package static let layoutAnnotation = "waymark.dev/layout"

  package var scorecards: ScorecardViewModel {
    ScorecardViewModel(outcome: input.scorecards, catalog: input.catalog, now: input.now)
  }

  /// The main navigation: Delivery and Guardrails only on sites that have them.
  package var navigation: NavigationModel {
    NavigationModel(
      hasDelivery: input.delivery != nil,
      hasGuardrails: GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog).isActive,
      hasDocs: input.docs.sites.contains { !$0.pages.isEmpty })
  }

  package func pages() -> [SiteRenderer.Page] {
    let guardrails = GuardrailResultsRenderer(results: input.guardrails, catalog: input.catalog)
    let nav = navigation
    // Every page's model is built when its batch renders, so the site-wide ones (the catalog
    // explorer, guardrails overview, delivery dashboard) are held only while they render.
    let catalogue = self
    let scorecards = self.scorecards
    var siteWide: [SiteRenderer.Page] = [
      deferredPage(path: "", kind: "home", title: input.config.title, nav: nav) {
        HomeModel(input: catalogue.input).model(root: "")
      },
      deferredPage(path: "catalog/", kind: "catalog", title: "Catalog", nav: nav) {
        CatalogExplorerModel(catalog: catalogue.input.catalog, scorecards: catalogue.input.scorecards).model(
          root: "../")
      },
      page(path: "404.html", kind: "404", title: "Page not found", nav: nav, content: BarePage()),
      deferredPage(path: "scorecards/", kind: "scorecards", title: "Scorecards", nav: nav) {
        scorecards.scorecardsPage(root: "../")
      },
      deferredPage(path: "readiness/", kind: "readiness", title: "Readiness report", nav: nav) {
        scorecards.readinessPage(root: "../")
      },
      page(path: "search/", kind: "search", title: "Search", nav: nav, content: BarePage()),
      deferredPage(path: "golden-paths/", kind: "golden-paths", title: "Golden paths", nav: nav) {
        TemplateModel(catalog: catalogue.input.catalog).page(root: "../")
      },
    ]
    if let delivery = input.delivery {
      siteWide.append(
        deferredPage(path: "dora/", kind: "dora", title: "Delivery metrics", nav: nav) {
          DeliveryPage(dora: DORAViewModel(delivery: delivery).dashboard(catalog: catalogue.input.catalog, root: "../"))
        })
    }
    if guardrails.isActive {
      siteWide.append(
        deferredPage(path: "guardrails/", kind: "guardrails", title: "Guardrails", nav: nav) {
          guardrails.overviewModel(root: "../")
        })
    }
    var pages: [SiteRenderer.Page] = []
    let extras = EntityPageExtras(catalog: input.catalog, scorecards: input.scorecards)
    let viewModel = scorecards
    for entity in input.catalog.entities {
      let path = SitePaths.entityPage(entity.ref)
      let layoutPath = ValuePath(keys: "metadata", "annotations", Self.layoutAnnotation)
      let layout = entity.document.value(at: ["metadata", "annotations", Self.layoutAnnotation])?.stringValue
      // The model (relations, scorecards, metrics, findings) is built when the page renders, in
      // that batch's task: only the pages being rendered hold one.
      pages.append(
        SiteRenderer.Page(
          path: path,
          descriptor: PageDescriptor(kind: "entity", section: SitePaths.safeSegment(entity.ref.kind), layout: layout),
          model: TemplateJSON(.null),
          layoutLocation: entity.source.location(of: layout == nil ? ValuePath(keys: "kind") : layoutPath),
          deferredModel: {
            catalogue.entityPage(entity, extras: extras, scorecards: viewModel, guardrails: guardrails, nav: nav).model
          }))
    }
    if let index = docsIndexPage(nav: nav) { pages.append(index) }
    pages += docsPages(nav: nav)
    // The site-wide pages' models are the largest (a row per entity): rendered last, after the
    // full-text index and the site-wide API files made beside the pages are let go.
    return keyingInputs(of: pages + siteWide, nav: nav)
  }

  /// The page of `entity`, with its typed model.
  package func entityPage(
    _ entity: Entity, extras: EntityPageExtras, scorecards: ScorecardViewModel, guardrails: GuardrailResultsRenderer,
    nav: NavigationModel
  ) -> SiteRenderer.Page {
    let path = SitePaths.entityPage(entity.ref)
    let root = SitePaths.rootPrefix(forPageAt: path)
    let layout = entity.document.value(at: ["metadata", "annotations", Self.layoutAnnotation])?.stringValue
    var content = extras.page(for: entity, root: root, scorecards: scorecards.entitySection(entity.ref))
    if let delivery = input.delivery { content.dora = DORAViewModel(delivery: delivery).tiles(for: entity.ref) }
    content.docs = entityDocsModel(for: entity.ref, root: root)
    // A `techdocs-ref: url:` site fetched and built here is linked as the entity's docs, not as
    // docs hosted elsewhere.
    if content.docs != nil, input.docs.site(for: entity.ref)?.origin != nil {
      content.entity.externalDocsURL = nil
      content.entity.hasActions =
        content.entity.viewSourceURL != nil || content.entity.editURL != nil || content.entity.repositoryURL != nil
    }
    content.policy = guardrails.entityModel(for: entity, root: root).map(TemplateJSON.init)
    return page(
      path: path, kind: "entity", section: SitePaths.safeSegment(entity.ref.kind), layout: layout, title: entity.title,
      nav: nav, content: content)
  }

  /// `page(…)` whose content is made only when the page renders (`SiteRenderer.Page.deferredModel`).
  package func deferredPage<Content: Codable & Sendable & TemplateDescribed>(
    path: String, kind: String, title: String, nav: NavigationModel, content: @escaping @Sendable () -> Content
  ) -> SiteRenderer.Page {
    var placeholder = page(path: path, kind: kind, title: title, nav: nav, content: BarePage())
    placeholder.model = TemplateJSON(.null)
    placeholder.deferredModel = { [self] in
      page(path: path, kind: kind, title: title, nav: nav, content: content()).model
    }
    return placeholder
  }

  /// A page of type `Content` with the keys every page has, encoded for the layouts.
  package func page<Content: Codable & Sendable & TemplateDescribed>(
    path: String, kind: String, section: String? = nil, layout: String? = nil, title: String, nav: NavigationModel,
    content: Content
  ) -> SiteRenderer.Page {
    let root = SitePaths.rootPrefix(forPageAt: path)
    let model = SitePage(
      site: PageCommon.Site(
        title: input.config.title, baseURL: input.config.baseURL, asOf: input.now.description,
        asOfDate: input.now.dateString, generator: "Waymark \(WaymarkVersion.current)"),
      page: PageCommon.Page(title: title, kind: kind, path: path), root: root,
      nav: nav.links(root: root, current: path), content: content)
    return SiteRenderer.Page(
      path: path, descriptor: PageDescriptor(kind: kind, section: section, layout: layout), model: model)
  }
}

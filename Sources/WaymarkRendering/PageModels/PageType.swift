/// The page types, each with its layout name (`kind`) and its typed model: the template contract
/// the manual's layouts page lists and the layout key check enforces.
package enum PageType: String, CaseIterable, Sendable {
  case home
  case catalog
  case entity
  case docs
  case docsIndex = "docs-index"
  case scorecards
  case readiness
  case dora
  case guardrails
  case goldenPaths = "golden-paths"
  case search
  case notFound = "404"

  /// The whole model's schema: the keys every page has and the type's own.
  package var schema: TemplateSchema {
    switch self {
    case .home: return TemplateSchemaReader.schema(of: SitePage<HomePage>.self)
    case .catalog: return TemplateSchemaReader.schema(of: SitePage<CatalogPage>.self)
    case .entity: return TemplateSchemaReader.schema(of: SitePage<EntityPage>.self)
    case .docs: return TemplateSchemaReader.schema(of: SitePage<DocsPage>.self)
    case .docsIndex: return TemplateSchemaReader.schema(of: SitePage<DocsIndexPage>.self)
    case .scorecards: return TemplateSchemaReader.schema(of: SitePage<ScorecardsPage>.self)
    case .readiness: return TemplateSchemaReader.schema(of: SitePage<ReadinessPage>.self)
    case .dora: return TemplateSchemaReader.schema(of: SitePage<DeliveryPage>.self)
    case .guardrails: return TemplateSchemaReader.schema(of: SitePage<GuardrailsPage>.self)
    case .goldenPaths: return TemplateSchemaReader.schema(of: SitePage<GoldenPathsPage>.self)
    case .search, .notFound: return TemplateSchemaReader.schema(of: SitePage<BarePage>.self)
    }
  }

  /// The Swift type of the page's own keys.
  package var modelName: String {
    switch self {
    case .home: return "HomePage"
    case .catalog: return "CatalogPage"
    case .entity: return "EntityPage"
    case .docs: return "DocsPage"
    case .docsIndex: return "DocsIndexPage"
    case .scorecards: return "ScorecardsPage"
    case .readiness: return "ReadinessPage"
    case .dora: return "DeliveryPage"
    case .guardrails: return "GuardrailsPage"
    case .goldenPaths: return "GoldenPathsPage"
    case .search, .notFound: return "BarePage"
    }
  }

  /// The heading the manual gives the page type.
  package var title: String {
    switch self {
    case .home: return "Home"
    case .catalog: return "Catalog explorer"
    case .entity: return "Entity page"
    case .docs: return "Docs page"
    case .docsIndex: return "Docs index"
    case .scorecards: return "Scorecards"
    case .readiness: return "Readiness report"
    case .dora: return "Delivery dashboard"
    case .guardrails: return "Guardrails"
    case .goldenPaths: return "Golden paths"
    case .search: return "Search"
    case .notFound: return "Not found"
    }
  }
}

import StructuredData
import WaymarkModel

extension PageCatalogue {
  /// `pages` with entity and docs pages keyed by what their models are built from, when the
  /// build cache gave the input's keys: an entity page by the whole input's keys (it shows
  /// neighbours two relations away, scorecards, metrics and findings) less every description
  /// (only an entity's own page shows it), its own entity, and its own docs site's content; a docs page by its site's content and what it shows of the catalog: whether its
  /// entity is there, its title and kind, and whether another entity shares the title.
  package func keyingInputs(of pages: [SiteRenderer.Page], nav: NavigationModel) -> [SiteRenderer.Page] {
    guard let keys = input.inputKeys else { return pages }
    var entities: [String: Entity] = [:]
    for entity in input.catalog.entities { entities[SitePaths.entityPage(entity.ref)] = entity }
    var docsPages: [String: (site: Int, page: Int)] = [:]
    for (siteIndex, site) in input.docs.sites.enumerated() {
      for (pageIndex, page) in site.pages.enumerated() {
        docsPages[SitePaths.docsSite(site.entity) + page.slug] = (siteIndex, pageIndex)
      }
    }
    // Each site is hashed once, not once per page built from it.
    let siteKeys = input.withDocsSiteKeys().docsSiteKeys
    let shared = sharedKey(keys.lessDescriptions, configuration: keys.configuration, nav: nav)
    let docsShared = sharedKey(nil, configuration: keys.configuration, nav: nav)
    let docs = input.docs
    let catalog = input.catalog
    return pages.map { page in
      var keyed = page
      if let add = Self.siteWidePageInputs[page.path] {
        keyed.inputsKey = {
          var hasher = MemoHasher("site-wide-page-inputs")
          hasher.add(docsShared)
          add(keys, &hasher)
          return hasher.finish()
        }
      } else if page.descriptor.kind == "entity", let entity = entities[page.path] {
        keyed.inputsKey = {
          var hasher = MemoHasher("entity-page-inputs")
          hasher.add(shared)
          hasher.add(entity.ref.canonical)
          // Its own file (positions, a template's property order) and document (placeholders' text).
          hasher.add(keys.catalogFiles[entity.source.path] ?? keys.catalog)
          hasher.add(entity.document)
          hasher.add(docs.fact(for: entity.ref))
          if let site = docs.siteIndex(for: entity.ref) { hasher.add(siteKeys[site]) } else { hasher.add("no docs") }
          return hasher.finish()
        }
      } else if page.descriptor.kind == "docs", let (siteIndex, pageIndex) = docsPages[page.path] {
        keyed.inputsKey = {
          var hasher = MemoHasher("docs-page-inputs")
          hasher.add(docsShared)
          hasher.add(pageIndex)
          hasher.add(siteKeys[siteIndex])
          let ref = docs.sites[siteIndex].entity
          let entity = catalog[ref]
          hasher.add(entity != nil)
          hasher.add(entity?.title)
          hasher.add(entity?.ref.kind)
          hasher.add(catalog.sharesTitle(ref))
          return hasher.finish()
        }
      }
      return keyed
    }
  }

  /// What each site-wide page's model is built from, by the page's path, as `RenderInputKeys`
  /// name it: the catalog explorer and the scorecard pages from the catalog and the scorecard
  /// outcome, the golden paths from the catalog, the delivery dashboard from the catalog and the
  /// metrics, the guardrails overview from the catalog and the results. The home page, which
  /// reads a little of everything, is keyed by its model. Only the catalog explorer and the
  /// golden paths show entities' descriptions: the others are keyed by the catalog less them.
  private static let siteWidePageInputs: [String: @Sendable (RenderInputKeys, inout MemoHasher) -> Void] = [
    "catalog/": { keys, hasher in
      hasher.add(keys.catalog)
      hasher.add(keys.scorecards)
    },
    "scorecards/": { keys, hasher in
      hasher.add(keys.catalogLessDescriptions)
      hasher.add(keys.scorecards)
    },
    "readiness/": { keys, hasher in
      hasher.add(keys.catalogLessDescriptions)
      hasher.add(keys.scorecards)
    },
    "golden-paths/": { keys, hasher in hasher.add(keys.catalog) },
    "dora/": { keys, hasher in
      hasher.add(keys.catalogLessDescriptions)
      hasher.add(keys.delivery != nil)
      if let delivery = keys.delivery { hasher.add(delivery) }
    },
    "guardrails/": { keys, hasher in
      hasher.add(keys.catalogLessDescriptions)
      hasher.add(keys.guardrailsLessDescriptions)
    },
  ]

  /// The key of what every keyed page reads besides its own part: the settings and the input's
  /// keys (none for docs pages), the navigation and "now" (the layouts key the page already).
  private func sharedKey(_ keys: RenderInputKeys?, configuration: MemoKey, nav: NavigationModel) -> MemoKey {
    var hasher = MemoHasher("page-inputs")
    hasher.add(configuration)
    hasher.add(keys != nil)
    keys?.add(to: &hasher)
    hasher.add(nav.hasDelivery)
    hasher.add(nav.hasGuardrails)
    hasher.add(nav.hasDocs)
    hasher.add(Int(input.now.millisecondsSinceEpoch))
    return hasher.finish()
  }
}

import StructuredData
import WaymarkModel

extension PageCatalogue {
  /// `pages` with entity and docs pages keyed by what their models are built from, when the
  /// build cache gave the input's keys: an entity page by the whole input's keys (it shows
  /// neighbours two relations away, scorecards, metrics and findings) and its own docs site's
  /// content; a docs page by its site's content and the catalog (its entity's title, and
  /// whether another entity shares it).
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
    let shared = sharedKey(keys, nav: nav)
    let catalogShared = sharedKey(RenderInputKeys(configuration: keys.configuration, catalog: keys.catalog), nav: nav)
    let docs = input.docs
    return pages.map { page in
      var keyed = page
      if page.descriptor.kind == "entity", let entity = entities[page.path] {
        keyed.inputsKey = {
          var hasher = MemoHasher("entity-page-inputs")
          hasher.add(shared)
          hasher.add(entity.ref.canonical)
          hasher.add(docs.fact(for: entity.ref))
          if let site = docs.site(for: entity.ref) { hasher.add(site) } else { hasher.add("no docs") }
          return hasher.finish()
        }
      } else if page.descriptor.kind == "docs", let (siteIndex, pageIndex) = docsPages[page.path] {
        keyed.inputsKey = {
          var hasher = MemoHasher("docs-page-inputs")
          hasher.add(catalogShared)
          hasher.add(pageIndex)
          hasher.add(docs.sites[siteIndex])
          return hasher.finish()
        }
      }
      return keyed
    }
  }

  /// The key of what every keyed page reads besides its own part: the settings and the input's
  /// keys (for docs pages only the catalog's), the navigation and "now" (the layouts key the
  /// page already).
  private func sharedKey(_ keys: RenderInputKeys, nav: NavigationModel) -> MemoKey {
    var hasher = MemoHasher("page-inputs")
    keys.add(to: &hasher)
    hasher.add(nav.hasDelivery)
    hasher.add(nav.hasGuardrails)
    hasher.add(nav.hasDocs)
    hasher.add(Int(input.now.millisecondsSinceEpoch))
    return hasher.finish()
  }
}

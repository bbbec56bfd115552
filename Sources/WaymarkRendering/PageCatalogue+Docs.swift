import Markdown
import StructuredData
import WaymarkModel

extension PageCatalogue {
  /// The docs index at `docs/`, when any docs site has pages.
  package func docsIndexPage(nav: NavigationModel) -> SiteRenderer.Page? {
    guard nav.hasDocs else { return nil }
    return page(path: "docs/", kind: "docs-index", title: "Docs", nav: nav, content: docsIndexModel(root: "../"))
  }

  /// One page per docs page, at `docs/<namespace>/<kind>/<name>/<page>/`, with the site's
  /// navigation, the page's table of contents, previous/next, breadcrumbs and an edit link.
  package func docsPages(nav: NavigationModel) -> [SiteRenderer.Page] {
    var pages: [SiteRenderer.Page] = []
    pages.reserveCapacity(input.docs.pageCount)
    for site in input.docs.sites {
      let position = Dictionary(
        site.readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      for (index, docsPage) in site.pages.enumerated() {
        let path = SitePaths.docsSite(site.entity) + docsPage.slug
        // Each model holds the site's whole navigation: built when the page renders, never all at once.
        let catalogue = self
        pages.append(
          SiteRenderer.Page(
            path: path, descriptor: PageDescriptor(kind: "docs", section: SitePaths.safeSegment(site.entity.kind)),
            model: TemplateJSON(.null),
            deferredModel: {
              catalogue.docsPage(site: site, page: index, readingPosition: position[index], nav: nav).model
            }))
      }
    }
    return pages
  }

  /// Page `index` of `site` with its typed model: the page, its site and its navigation.
  package func docsPage(site: DocsSite, page index: Int, readingPosition: Int?, nav: NavigationModel)
    -> SiteRenderer.Page
  {
    let docsPage = site.pages[index]
    let path = SitePaths.docsSite(site.entity) + docsPage.slug
    let root = SitePaths.rootPrefix(forPageAt: path)
    var document = DocsPage.Document(
      title: docsPage.title, description: docsPage.description, body: docsPage.html,
      hasTitleHeading: docsPage.hasTitleHeading, source: docsPage.source, editURL: docsPage.editURL,
      words: docsPage.words, tags: docsPage.tags, hasTags: !docsPage.tags.isEmpty,
      toc: DocsPage.TOC(children: MarkdownOutline(headings: docsPage.headings).entries.map(Self.tocModel)),
      hasTOC: docsPage.headings.contains { (2...3).contains($0.level) },
      breadcrumbs: breadcrumbs(site: site, page: index, root: root))
    if let at = readingPosition {
      if at > 0 { document.previous = link(site: site, page: site.readingOrder[at - 1], from: docsPage.slug) }
      if at + 1 < site.readingOrder.count {
        document.next = link(site: site, page: site.readingOrder[at + 1], from: docsPage.slug)
      }
    }
    let docs = DocsPage.Site(
      name: site.name, description: site.description, url: SitePaths.docsRelative(fromSlug: docsPage.slug, to: ""),
      entity: EntityLink(to: site.entity, in: input.catalog, root: root),
      nav: DocsPage.Nav(items: site.nav.map { navModel($0, site: site, current: index, root: root) }),
      fetched: site.origin.map {
        DocsPage.Fetched(
          url: SitePaths.safeLink($0.url) ?? "", archiveURL: $0.resolvedURL, sha256: $0.sha256,
          shortSHA256: String($0.sha256.prefix(12)))
      })
    let title = docsPage.title == site.name ? site.name : "\(docsPage.title) · \(site.name)"
    return page(
      path: path, kind: "docs", section: SitePaths.safeSegment(site.entity.kind), title: title, nav: nav,
      content: DocsPage(docs: docs, doc: document))
  }

  /// The entity page's `docs` key: a link to the entity's docs, or nil when it has none.
  package func entityDocsModel(for entity: EntityRef, root: String) -> EntityDocs? {
    guard let site = input.docs.site(for: entity), !site.pages.isEmpty else { return nil }
    var docs = EntityDocs(
      name: site.name, description: site.description, url: root + SitePaths.docsSite(site.entity),
      pages: site.pages.count, fact: TemplateJSON(input.docs.fact(for: entity)), hasBrokenLinks: site.brokenLinks > 0,
      contents: site.readingOrder.prefix(Self.docsContentsShown).map { page in
        EntityDocs.PageLink(
          title: site.pages[page].title, url: root + SitePaths.docsSite(site.entity) + site.pages[page].slug)
      })
    docs.morePages = max(0, site.readingOrder.count - Self.docsContentsShown)
    docs.hasMorePages = docs.morePages > 0
    return docs
  }

  /// How many pages an entity page's docs section lists before "and N more".
  package static let docsContentsShown = 12

  /// The docs index (`docs/`): every docs site with its entity, owner and page count.
  package func docsIndexModel(root: String) -> DocsIndexPage {
    let sites = input.docs.sites.filter { !$0.pages.isEmpty }.map { site in
      DocsIndexPage.Site(
        name: site.name, description: site.description, url: root + SitePaths.docsSite(site.entity),
        entity: EntityLink(to: site.entity, in: input.catalog, root: root),
        owner: input.catalog[site.entity]?.targets(of: "ownedBy").first.map {
          EntityLink(to: $0, in: input.catalog, root: root)
        },
        pages: site.pages.count)
    }
    return DocsIndexPage(sites: sites, hasSites: !sites.isEmpty)
  }

  /// A link to another page of the same site, relative to the page at `slug`.
  private func link(site: DocsSite, page: Int, from slug: String) -> DocsPage.PageLink {
    DocsPage.PageLink(
      title: site.pages[page].title, url: SitePaths.docsRelative(fromSlug: slug, to: site.pages[page].slug))
  }

  /// Catalog › entity › Docs (the site's home) › the sections holding the page › the page.
  private func breadcrumbs(site: DocsSite, page: Int, root: String) -> [DocsPage.Breadcrumb] {
    var crumbs = [
      DocsPage.Breadcrumb(title: "Catalog", url: root + "catalog/", linked: true),
      DocsPage.Breadcrumb(
        title: input.catalog[site.entity]?.title ?? site.entity.name, url: root + SitePaths.entityPage(site.entity),
        linked: true),
    ]
    if site.pages[page].slug.isEmpty { return crumbs }
    crumbs.append(
      DocsPage.Breadcrumb(
        title: "Docs", url: SitePaths.docsRelative(fromSlug: site.pages[page].slug, to: ""), linked: true))
    for section in Self.sectionTitles(leadingTo: page, in: site.nav) ?? [] {
      crumbs.append(DocsPage.Breadcrumb(title: section, url: "", linked: false))
    }
    return crumbs
  }

  /// The titles of the nested sections holding `page` (first occurrence), or nil if none does.
  package static func sectionTitles(leadingTo page: Int, in items: [DocsNavItem]) -> [String]? {
    for item in items {
      switch item.target {
      case .page(let index) where index == page: return []
      case .section(let children):
        if let inner = sectionTitles(leadingTo: page, in: children) { return [item.title] + inner }
      default: continue
      }
    }
    return nil
  }

  /// A nav entry for the page `current`.
  private func navModel(_ item: DocsNavItem, site: DocsSite, current: Int, root: String) -> DocsPage.NavItem {
    var model = DocsPage.NavItem(
      title: item.title, url: "", current: false, external: false, isSection: false, open: false, items: [])
    switch item.target {
    case .page(let index):
      model.url = SitePaths.docsRelative(fromSlug: site.pages[current].slug, to: site.pages[index].slug)
      model.current = index == current
    case .link(let url):
      model.url = url
      model.external = true
    case .section(let children):
      model.isSection = true
      model.open = item.pageIndices.contains(current)
      model.items = children.map { navModel($0, site: site, current: current, root: root) }
    }
    return model
  }

  private static func tocModel(_ entry: MarkdownOutline.Entry) -> DocsPage.TOCEntry {
    DocsPage.TOCEntry(
      text: entry.heading.text, anchor: entry.heading.anchor, children: entry.children.map(tocModel),
      hasChildren: !entry.children.isEmpty)
  }
}

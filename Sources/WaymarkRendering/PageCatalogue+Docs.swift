import Markdown
import StructuredData
import WaymarkModel

extension PageCatalogue {
  /// One page per docs page, at `docs/<namespace>/<kind>/<name>/<page>/`, with the site's
  /// navigation, the page's table of contents, previous/next, breadcrumbs and an edit link.
  package func docsPages() -> [SiteRenderer.Page] {
    var pages: [SiteRenderer.Page] = []
    pages.reserveCapacity(input.docs.pageCount)
    for site in input.docs.sites {
      let position = Dictionary(site.readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      for (index, docsPage) in site.pages.enumerated() {
        let path = SitePaths.docsSite(site.entity) + docsPage.slug
        let descriptor = PageDescriptor(kind: "docs", section: SitePaths.safeSegment(site.entity.kind))
        // Each model holds the site's whole navigation: built when the page renders, never all at once.
        let catalogue = self
        pages.append(
          SiteRenderer.Page(
            path: path, descriptor: descriptor, model: .null,
            deferredModel: { catalogue.docsPageModel(site: site, page: index, readingPosition: position[index]) }))
      }
    }
    return pages
  }

  /// The view model of page `index` of `site`: the page, its site and its navigation.
  package func docsPageModel(site: DocsSite, page index: Int, readingPosition: Int?) -> JSONValue {
    let docsPage = site.pages[index]
    let path = SitePaths.docsSite(site.entity) + docsPage.slug
    let root = SitePaths.rootPrefix(forPageAt: path)
    var document: [String: JSONValue] = [
      "title": .string(docsPage.title),
      "body": .string(docsPage.html),
      "hasTitleHeading": .bool(docsPage.hasTitleHeading),
      "source": .string(docsPage.source),
      "words": .int(Int64(docsPage.words)),
      "tags": .array(docsPage.tags.map(JSONValue.string)),
      "hasTags": .bool(!docsPage.tags.isEmpty),
      "toc": ["children": .array(MarkdownOutline(headings: docsPage.headings).entries.map(Self.tocModel))],
      "hasTOC": .bool(docsPage.headings.contains { (2...3).contains($0.level) }),
      "breadcrumbs": .array(breadcrumbs(site: site, page: index, root: root)),
    ]
    if let description = docsPage.description { document["description"] = .string(description) }
    if let editURL = docsPage.editURL { document["editURL"] = .string(editURL) }
    if let at = readingPosition {
      if at > 0 { document["previous"] = link(site: site, page: site.readingOrder[at - 1], from: docsPage.slug) }
      if at + 1 < site.readingOrder.count {
        document["next"] = link(site: site, page: site.readingOrder[at + 1], from: docsPage.slug)
      }
    }
    var docs: [String: JSONValue] = [
      "name": .string(site.name),
      "url": .string(SitePaths.docsRelative(fromSlug: docsPage.slug, to: "")),
      "entity": EntityViewModel(catalog: input.catalog).link(to: site.entity, root: root),
      "nav": ["items": .array(site.nav.map { navModel($0, site: site, current: index, root: root) })],
    ]
    if let description = site.description { docs["description"] = .string(description) }
    let title = docsPage.title == site.name ? site.name : "\(docsPage.title) · \(site.name)"
    return page(
      path: path, kind: "docs", section: SitePaths.safeSegment(site.entity.kind), title: title,
      extra: ["docs": .object(docs), "doc": .object(document)]
    ).model
  }

  /// The entity page's `docs` key: a link to the entity's docs, or nil when it has none.
  package func entityDocsModel(for entity: EntityRef, root: String) -> JSONValue? {
    guard let site = input.docs.site(for: entity), !site.pages.isEmpty else { return nil }
    var model: [String: JSONValue] = [
      "name": .string(site.name),
      "url": .string(root + SitePaths.docsSite(site.entity)),
      "pages": .int(Int64(site.pages.count)),
      "fact": input.docs.fact(for: entity),
      "hasBrokenLinks": .bool(site.brokenLinks > 0),
      "contents": .array(
        site.readingOrder.prefix(12).map { page in
          ["title": .string(site.pages[page].title), "url": .string(root + SitePaths.docsSite(site.entity) + site.pages[page].slug)]
        }),
    ]
    if let description = site.description { model["description"] = .string(description) }
    return .object(model)
  }

  /// A link to another page of the same site, relative to the page at `slug`.
  private func link(site: DocsSite, page: Int, from slug: String) -> JSONValue {
    ["title": .string(site.pages[page].title), "url": .string(SitePaths.docsRelative(fromSlug: slug, to: site.pages[page].slug))]
  }

  /// Catalog › entity › Docs (the site's home) › the sections holding the page › the page.
  private func breadcrumbs(site: DocsSite, page: Int, root: String) -> [JSONValue] {
    var crumbs: [JSONValue] = [
      ["title": "Catalog", "url": .string(root + "catalog/"), "linked": true],
      [
        "title": .string(input.catalog[site.entity]?.title ?? site.entity.name),
        "url": .string(root + SitePaths.entityPage(site.entity)), "linked": true,
      ],
    ]
    if site.pages[page].slug.isEmpty { return crumbs }
    crumbs.append(
      ["title": "Docs", "url": .string(SitePaths.docsRelative(fromSlug: site.pages[page].slug, to: "")), "linked": true])
    for section in Self.sectionTitles(leadingTo: page, in: site.nav) ?? [] {
      crumbs.append(["title": .string(section), "url": "", "linked": false])
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

  /// A nav entry for the page `current`: every key always present, so Mustache never looks a
  /// missing one up in an enclosing entry.
  private func navModel(_ item: DocsNavItem, site: DocsSite, current: Int, root: String) -> JSONValue {
    var model: [String: JSONValue] = [
      "title": .string(item.title), "url": "", "current": false, "external": false, "isSection": false, "open": false,
      "items": [],
    ]
    switch item.target {
    case .page(let index):
      model["url"] = .string(SitePaths.docsRelative(fromSlug: site.pages[current].slug, to: site.pages[index].slug))
      model["current"] = .bool(index == current)
    case .link(let url):
      model["url"] = .string(url)
      model["external"] = true
    case .section(let children):
      model["isSection"] = true
      model["open"] = .bool(item.pageIndices.contains(current))
      model["items"] = .array(children.map { navModel($0, site: site, current: current, root: root) })
    }
    return .object(model)
  }

  private static func tocModel(_ entry: MarkdownOutline.Entry) -> JSONValue {
    [
      "text": .string(entry.heading.text), "anchor": .string(entry.heading.anchor),
      "children": .array(entry.children.map(tocModel)), "hasChildren": .bool(!entry.children.isEmpty),
    ]
  }
}

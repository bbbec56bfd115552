import WaymarkLoading
import WaymarkModel

extension DocsSetBuilder {
  /// A docs set with some pages read and rendered again (see `refreshing`).
  package struct Refresh: Sendable {
    /// The set, the refreshed pages and their sites' navigation in place.
    package var docs: DocsSet
    /// The pages refreshed, in site and page order.
    package var pages: [DocsLinkResolver.PageKey]
  }

  /// `docs` with the pages whose files are `paths` (root-relative) read and rendered again, and
  /// their sites' navigation made again: what `waymark serve` shows while the whole build runs.
  ///
  /// Nil when a path is no page `docs` holds, when its site's pages are no longer the ones `docs`
  /// was built from (one added, removed or renamed), or when a refreshed page has an error
  /// (broken links included, when they are errors, and then a heading gone that another page's
  /// link may lead to): only the whole build can tell then.
  /// Only the refreshed sites' files are read.
  package func refreshing(_ docs: DocsSet, pages paths: Set<String>, catalog: Catalog, files: [String]) -> Refresh? {
    var keys: [DocsLinkResolver.PageKey] = []
    for (siteIndex, site) in docs.sites.enumerated() {
      for (pageIndex, page) in site.pages.enumerated() where paths.contains(page.source) {
        keys.append(DocsLinkResolver.PageKey(site: siteIndex, page: pageIndex))
      }
    }
    guard !keys.isEmpty, Set(keys.map { docs.sites[$0.site].pages[$0.page].source }) == paths else { return nil }
    let resolver = DocsLinkResolver(sites: docs.sites.map(DocsLinkResolver.SiteIndex.init(site:)))
    var anchors = docs.sites.map { site in site.pages.map { Set($0.headings.map(\.anchor)) } }
    var sites = docs.sites
    for siteIndex in Set(keys.map(\.site)).sorted() {
      let pages = keys.filter { $0.site == siteIndex }.map(\.page)
      guard
        let site = refresh(
          site: siteIndex, of: docs, pages: pages, resolver: resolver, anchors: &anchors, catalog: catalog, files: files
        )
      else { return nil }
      sites[siteIndex] = site
    }
    return Refresh(docs: DocsSet(sites: sites, files: docs.files, diagnostics: docs.diagnostics), pages: keys)
  }

  /// Site `siteIndex` of `docs` read again, with `pages` rendered again (their headings put into
  /// `anchors`); nil as `refreshing` says.
  private func refresh(
    site siteIndex: Int, of docs: DocsSet, pages: [Int], resolver: DocsLinkResolver, anchors: inout [[Set<String>]],
    catalog: Catalog, files: [String]
  ) -> DocsSite? {
    var site = docs.sites[siteIndex]
    guard site.origin == nil, let entity = catalog[site.entity], let source = DocsLocator().locate(entity)?.source
    else { return nil }
    let loaded = DocsLoader(root: root, files: files, remote: remote).load(source)
    let plan = Self.uniquePages(loaded.pages).0
    guard plan.map(\.file.path) == site.pages.map(\.source) else { return nil }
    let parser = pageParser(resolver: resolver, snippets: [siteIndex: DocsSnippetSource(site: loaded)])
    var parsed: [DocsPageParser.ParsedPage] = []
    for page in pages {
      let one = parser.parse(plan[page].file, key: DocsLinkResolver.PageKey(site: siteIndex, page: page))
      guard !one.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
      let kept = Set(one.rendered.headings.map(\.anchor))
      // Links on other pages may lead to an anchor gone from this one; only the whole build checks them.
      if config.docsBrokenLinksAreErrors && !kept.isSuperset(of: anchors[siteIndex][page]) { return nil }
      anchors[siteIndex][page] = kept
      parsed.append(one)
    }
    for one in parsed {
      let broken = one.links.contains { Self.problem(with: $0.resolution, on: one.key, anchors: anchors) != nil }
      if broken && config.docsBrokenLinksAreErrors { return nil }
      site.pages[one.key.page] = Self.docsPage(
        one, plan: plan[one.key.page], slug: site.pages[one.key.page].slug, site: loaded)
    }
    (site.nav, site.readingOrder, _) = Self.navigation(of: site.pages, site: loaded)
    return site
  }
}

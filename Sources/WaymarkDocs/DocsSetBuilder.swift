import Foundation
import Markdown
import WaymarkLoading
import WaymarkModel

/// Builds the docs of every entity: finds them through the catalog, reads them, renders every
/// page with cmark-gfm, checks links and anchors, and builds each site's navigation.
///
/// This runs before Evaluate because scorecards read its facts (`docs.brokenLinks`), which
/// need every page parsed. Reading and rendering run in task groups whose children return
/// values; the parent puts them back in order.
public struct DocsSetBuilder: Sendable {
  /// The site root.
  public let root: URL
  /// The site settings (`docs.unsafeHTML`, `docs.brokenLinksAreErrors`).
  public let config: SiteConfig
  /// The sites `waymark fetch` stored.
  public let remote: RemoteCache

  /// Creates a builder.
  public init(root: URL, config: SiteConfig, remote: RemoteCache? = nil) {
    self.root = root
    self.config = config
    self.remote = remote ?? RemoteCache(root: root)
  }

  /// A page to render: which site and page it is, its file and its path in the docs folder.
  package struct PageJob: Sendable {
    package var key: DocsLinkResolver.PageKey
    package var path: String
    package var file: SourceFile
  }

  /// Builds the docs of `catalog`; `files` are the root's files from the input walk.
  public func build(catalog: Catalog, files: [String]) async -> DocsSet {
    let (loaded, diagnostics) = await load(catalog: catalog, files: files)
    return await build(loaded, diagnostics: diagnostics)
  }

  /// Finds the docs of `catalog` and reads their files (`files` are the root's files from the
  /// input walk): the sites in the catalog's order, and the problems met finding and reading them.
  /// With `snippetTraces`, each site's snippets are found by replaying its stored trace when it
  /// still holds (`SnippetTrace`), and every site read from the disk carries its trace.
  public func load(
    catalog: Catalog, files: [String], snippetTraces: CacheTable? = nil
  ) async -> (sites: [LoadedDocsSite], diagnostics: [Diagnostic]) {
    let (sources, diagnostics) = DocsLocator().locate(catalog)
    let loader = {
      var loader = DocsLoader(root: root, files: files, remote: remote)
      loader.snippetTraces = snippetTraces
      return loader
    }()
    let loaded = await withTaskGroup(of: (Int, LoadedDocsSite).self) { group in
      for (index, source) in sources.enumerated() {
        group.addTask { (index, loader.load(source)) }
      }
      var sites: [(Int, LoadedDocsSite)] = []
      for await site in group { sites.append(site) }
      return sites.sorted { $0.0 < $1.0 }.map(\.1)
    }
    // A remote site not read from the cache is no site: only its diagnostic remains.
    let unread = loaded.filter { $0.source.remoteURL != nil && $0.origin == nil }
    return (
      loaded.filter { $0.source.remoteURL == nil || $0.origin != nil }, diagnostics + unread.flatMap(\.diagnostics)
    )
  }

  /// Builds docs sites already read (by `load(catalog:files:)`), reading no file; `diagnostics`
  /// (those of reading) come first in the result's.
  public func build(_ loaded: [LoadedDocsSite], diagnostics readDiagnostics: [Diagnostic]) async -> DocsSet {
    await build(loaded, diagnostics: readDiagnostics, memo: nil).docs
  }

  /// `build(_:diagnostics:)`, taking the pages (and diagrams) `memo` holds rather than rendering
  /// them; also returns the memo entries of every page built and of every diagram drawn, for the
  /// next build.
  package func build(
    _ loaded: [LoadedDocsSite], diagnostics readDiagnostics: [Diagnostic], memo: DocsPageMemo?
  ) async -> (docs: DocsSet, memo: [MemoKey: [UInt8]], diagrams: [MemoKey: [UInt8]]) {
    var diagnostics = readDiagnostics
    var plans: [[(path: String, file: SourceFile)]] = []
    var assetPlans: [[(path: String, file: SourceFile)]] = []
    var indexes: [DocsLinkResolver.SiteIndex] = []
    for site in loaded {
      diagnostics += site.diagnostics
      let (pages, duplicates) = Self.uniquePages(site.pages)
      diagnostics += duplicates
      let (unique, clashes) = Self.uniqueAssets(site.assets, pageSlugs: pages.map { DocsSlug.slug(for: $0.path) })
      diagnostics += clashes
      let (assets, unsafeAssets) = DocsAssetFilter(allowsActiveContent: config.docsUnsafeHTML).filter(unique)
      diagnostics += unsafeAssets
      plans.append(pages)
      assetPlans.append(assets)
      indexes.append(
        DocsLinkResolver.SiteIndex(
          entity: site.source.entity, docsFolder: site.docsFolder,
          pages: pages.map { (path: $0.path, source: $0.file.path) }, assets: assets.map(\.path)))
    }
    let resolver = DocsLinkResolver(sites: indexes)
    var jobs: [PageJob] = []
    for (siteIndex, pages) in plans.enumerated() {
      for (pageIndex, page) in pages.enumerated() {
        jobs.append(PageJob(key: .init(site: siteIndex, page: pageIndex), path: page.path, file: page.file))
      }
    }
    let snippets = loaded.enumerated().map { ($0, DocsSnippetSource(site: $1)) }
    let parser = pageParser(
      resolver: resolver, snippets: Dictionary(uniqueKeysWithValues: snippets), diagrams: memo?.diagrams)
    let (parsed, entries) = await Self.parse(jobs, memo: memo, parser: parser)
    let drawn = memo?.diagrams?.entries(of: parsed) ?? [:]
    var pagesBySite = plans.map { [DocsPageParser.ParsedPage?](repeating: nil, count: $0.count) }
    for page in parsed { pagesBySite[page.key.site][page.key.page] = page }
    let anchors = pagesBySite.map { pages in pages.map { Set(($0?.rendered.headings ?? []).map(\.anchor)) } }

    var sites: [DocsSite] = []
    var inputs: [SourceFile] = []
    for (siteIndex, site) in loaded.enumerated() {
      inputs += [site.configFile].compactMap { $0 } + site.pages.map(\.file) + site.assets.map(\.file)
      inputs += site.snippets.values.compactMap { try? $0.get() }
      diagnostics += site.snippets.keys.sorted().compactMap { try? site.snippets[$0]?.get() }
        .flatMap(DocsEncodingCheck.snippetDiagnostics(for:))
      let parsedPages = pagesBySite[siteIndex].compactMap { $0 }
      var broken = 0
      for page in parsedPages {
        diagnostics += page.diagnostics
        var locator = DocsLinkLocator(file: plans[siteIndex][page.key.page].file)
        for (link, resolution, snippetLocation) in page.links {
          guard let reason = Self.problem(with: resolution, on: page.key, anchors: anchors) else { continue }
          broken += 1
          diagnostics.append(
            brokenLink("link to '\(link.destination)' \(reason)", at: snippetLocation ?? locator.location(of: link)))
        }
      }
      let pages = parsedPages.enumerated().map { pageIndex, page in
        Self.docsPage(page, plan: plans[siteIndex][pageIndex], slug: indexes[siteIndex].slugs[pageIndex], site: site)
      }
      let (nav, order, problems) = Self.navigation(of: pages, site: site)
      broken += problems.count
      diagnostics += problems.map { brokenLink($0.message, at: $0.location) }
      sites.append(
        DocsSite(
          entity: site.source.entity, folder: site.source.folder, docsFolder: site.docsFolder,
          name: site.config.siteName ?? site.source.entityTitle, description: site.config.siteDescription, pages: pages,
          nav: nav, readingOrder: order,
          assets: assetPlans[siteIndex].map { DocsAsset(path: $0.path, bytes: $0.file.bytes) },
          brokenLinks: broken, origin: site.origin))
    }
    var uniqueInputs: [String: SourceFile] = [:]
    for file in inputs { uniqueInputs[file.path] = file }
    return (DocsSet(sites: sites, files: Array(uniqueInputs.values), diagnostics: diagnostics), entries, drawn)
  }

  /// The page parser every page of a build is rendered with (`snippets` by site index).
  /// With `diagrams`, a diagram it holds is taken from it rather than drawn.
  package func pageParser(
    resolver: DocsLinkResolver, snippets: [Int: DocsSnippetSource], diagrams: DiagramMemo? = nil
  ) -> DocsPageParser {
    DocsPageParser(
      renderer: MarkdownRenderer(
        allowsRawHTML: config.docsUnsafeHTML, highlightsCode: true, rendersTechDocsExtensions: true,
        headingIDs: .mkdocs,
        renderDiagram: { [runner = DiagramToolRunner()] diagram in
          if let diagrams { return diagrams.svg(for: diagram, runner: runner) }
          return runner.svg(language: diagram.language, engine: diagram.engine, source: diagram.source)
        }),
      resolver: resolver, snippets: snippets)
  }

  /// The page `parsed` made of `plan`, titled by its front matter, else its first heading, else its name.
  package static func docsPage(
    _ parsed: DocsPageParser.ParsedPage, plan: (path: String, file: SourceFile), slug: String, site: LoadedDocsSite
  ) -> DocsPage {
    let headings = parsed.rendered.headings
    let title =
      parsed.title ?? headings.first { $0.level == 1 }?.text
      ?? (plan.path == "index.md"
        ? "Home" : DocsSlug.title(fromName: String(plan.path.split(separator: "/").last ?? "")))
    return DocsPage(
      source: plan.file.path, path: plan.path, slug: slug, title: title, description: parsed.description,
      tags: parsed.tags, html: parsed.rendered.html, headings: headings, words: parsed.rendered.words,
      editURL: DocsEditLink.url(for: plan.file.path, pagePath: plan.path, site: site))
  }

  /// A site's navigation (`nav:` of its mkdocs.yml, else its file tree), its reading order and
  /// the nav entries naming no page.
  package static func navigation(
    of pages: [DocsPage], site: LoadedDocsSite
  ) -> (nav: [DocsNavItem], order: [Int], problems: [DocsNavBuilder.Problem]) {
    var navBuilder = DocsNavBuilder(pages: pages, configPath: site.configFile?.path ?? site.source.folder)
    let nav = site.config.nav.map { navBuilder.nav(from: $0) } ?? navBuilder.fileTreeNav()
    var seen = Set<Int>()
    let order = nav.flatMap(\.pageIndices).filter { seen.insert($0).inserted }
    return (nav, order, navBuilder.problems)
  }

  /// A `docs.broken-link` diagnostic, an error when the site asks for it.
  package func brokenLink(_ message: String, at location: SourceLocation?) -> Diagnostic {
    config.docsBrokenLinksAreErrors
      ? .error(.docsBrokenLink, message, at: location) : .warning(.docsBrokenLink, message, at: location)
  }

  /// Renders the pages in parallel, a few chunks per core; each child returns its pages.
  package static func parse(_ jobs: [PageJob], parser: DocsPageParser) async -> [DocsPageParser.ParsedPage] {
    await parse(jobs, memo: nil, parser: parser).pages
  }

  /// Why a resolved link is broken, or nil when it is fine.
  package static func problem(
    with resolution: DocsLinkResolver.Resolution, on key: DocsLinkResolver.PageKey, anchors: [[Set<String>]]
  ) -> String? {
    let (target, fragment): (DocsLinkResolver.PageKey, String?)
    switch resolution {
    case .external, .asset: return nil
    case .broken(let reason): return reason
    case .samePage(let anchor): (target, fragment) = (key, anchor)
    case .page(let page, let anchor): (target, fragment) = (page, anchor)
    }
    guard let fragment, !fragment.isEmpty else { return nil }
    let known = anchors[target.site][target.page]
    let decoded = PercentDecoding.decoded(fragment)
    guard !known.contains(decoded) else { return nil }
    var reason = "points at an anchor '#\(decoded)' that no heading of \(target == key ? "this page" : "the page") has"
    if let suggestion = NameSuggester.closest(to: decoded, among: known.sorted()) {
      reason += "; did you mean '#\(suggestion)'?"
    }
    return reason
  }

  /// The assets with one file per output path: none may land on a page's `index.html` or on
  /// another asset once names are made URL-safe; the clashes are reported and skipped.
  package static func uniqueAssets(_ assets: [(path: String, file: SourceFile)], pageSlugs: [String]) -> (
    [(path: String, file: SourceFile)], [Diagnostic]
  ) {
    let placeholder = EntityRef(kind: "k", name: "n")
    var taken = Set(pageSlugs.map { SitePaths.docsSite(placeholder) + $0 + "index.html" })
    var kept: [(path: String, file: SourceFile)] = []
    var diagnostics: [Diagnostic] = []
    for asset in assets {
      guard taken.insert(SitePaths.docsFile(placeholder, path: asset.path)).inserted else {
        diagnostics.append(
          .warning(
            .docsDuplicatePage,
            "'\(asset.path)' would be written where a page or another file already is; it is skipped",
            at: SourceLocation(path: asset.file.path)))
        continue
      }
      kept.append(asset)
    }
    return (kept, diagnostics)
  }

  /// The pages with one file per URL: `index.md` wins over `README.md` in the same folder, and
  /// other clashes (`a.md` beside `a/index.md`) keep the first by path; the rest are reported.
  package static func uniquePages(_ pages: [(path: String, file: SourceFile)]) -> (
    [(path: String, file: SourceFile)], [Diagnostic]
  ) {
    let ordered = pages.sorted { lhs, rhs in
      let (left, right) = (DocsSlug.isReadme(lhs.path), DocsSlug.isReadme(rhs.path))
      if left != right { return !left }
      return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
    }
    var kept: [String: (path: String, file: SourceFile)] = [:]
    var diagnostics: [Diagnostic] = []
    for page in ordered {
      let slug = DocsSlug.slug(for: page.path)
      if let first = kept[slug] {
        diagnostics.append(
          .warning(
            .docsDuplicatePage,
            "'\(page.path)' and '\(first.path)' would both be the page '\(slug.isEmpty ? "/" : slug)'; '\(page.path)' is skipped",
            at: SourceLocation(path: page.file.path)))
        continue
      }
      kept[slug] = page
    }
    let unique = kept.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return (unique, diagnostics)
  }
}

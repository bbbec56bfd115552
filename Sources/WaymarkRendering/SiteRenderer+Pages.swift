import WaymarkModel

extension SiteRenderer {
  /// What rendering a list of pages through the layouts produced.
  package struct RenderedPages: Sendable {
    package var files: [OutputFile]
    package var chosenLayouts: Set<LayoutResolver.Choice>
    package var diagnostics: [Diagnostic]
  }

  /// The pages that have a layout, each with the layout it chose, and the diagnostics of the
  /// others: a page whose layout does not exist is a `layout.missing` error and renders nothing,
  /// and a site layout using a key its page type lacks is a `layout.unknown-key` warning.
  package struct PageJobs: Sendable {
    package var jobs: [(page: Page, choice: LayoutResolver.Choice)]
    package var chosenLayouts: Set<LayoutResolver.Choice>
    package var diagnostics: [Diagnostic]
  }

  /// Pages rendered per batch: a batch is held from its rendering until its files are taken.
  package static let pagesPerBatch = 32

  /// Resolves each page's layout (see `PageJobs`).
  package func pageJobs(_ pages: [Page], layouts: LayoutSet) -> PageJobs {
    var diagnostics: [Diagnostic] = []
    var chosen = Set<LayoutResolver.Choice>()
    var jobs: [(page: Page, choice: LayoutResolver.Choice)] = []
    var layoutTypes: [LayoutResolver.Choice: Set<String>] = [:]
    for page in pages {
      guard layouts.resolver.namedLayoutExists(for: page.descriptor),
        let choice = layouts.resolver.resolve(page.descriptor)
      else {
        let wanted = page.descriptor.layout ?? page.descriptor.kind
        let tried = LayoutResolver.candidates(for: page.descriptor).joined(separator: ", ")
        diagnostics.append(
          .error(
            .layoutMissing, "page '\(page.path)' needs layout '\(wanted)', which does not exist (looked for \(tried))",
            at: page.layoutLocation))
        continue
      }
      chosen.insert(choice)
      jobs.append((page, choice))
      layoutTypes[choice, default: []].insert(page.descriptor.kind)
    }
    diagnostics += unknownKeys(layoutTypes, layouts: layouts)
    return PageJobs(jobs: jobs, chosenLayouts: chosen, diagnostics: diagnostics)
  }

  /// Renders `pages` through `layouts` in parallel, one HTML file each, into `sink`, a batch
  /// of `pagesPerBatch` at a time (see `stream`); pages whose layout is the built-in theme's
  /// render through its compiled layouts (`BuiltInLayouts`), byte for byte as swift-mustache would.
  package func renderPages<Sink: OutputSink>(
    _ pages: [Page], layouts: LayoutSet, into sink: Sink
  ) async throws(Sink.Failure) -> StreamedSite<Sink.Receipt> {
    let resolved = pageJobs(pages, layouts: layouts)
    let jobs = resolved.jobs
    let builtIn = BuiltInLayouts(for: layouts)
    let batches = Self.batches(ofKinds: jobs.map(\.page.descriptor.kind))
    let streamed = try await Self.stream(batches: batches.count, into: sink) { index in
      jobs[batches[index]].map { page, choice in
        Self.renderPage(page, choice: choice, layouts: layouts, builtIn: builtIn, sink: sink)
      }
    }
    return StreamedSite(
      receipts: streamed.receipts, fileCount: streamed.fileCount, chosenLayouts: resolved.chosenLayouts,
      diagnostics: resolved.diagnostics)
  }

  /// The batches pages of `kinds` render in: runs of up to `pagesPerBatch` entity and docs
  /// pages, and each other page (the site-wide ones, whose models hold a row per entity) a batch
  /// of its own, so that no core renders several of those one after another while the other waits.
  package static func batches(ofKinds kinds: [String]) -> [Range<Int>] {
    var batches: [Range<Int>] = []
    var start = 0
    for (index, kind) in kinds.enumerated() {
      let isSiteWide = kind != "entity" && kind != "docs"
      if isSiteWide || index - start == Self.pagesPerBatch {
        if index > start { batches.append(start..<index) }
        start = index
      }
      if isSiteWide {
        batches.append(index..<(index + 1))
        start = index + 1
      }
    }
    if kinds.count > start { batches.append(start..<kinds.count) }
    return batches
  }

  /// Renders `pages` into memory (see `renderPages(_:layouts:into:)`), in the pages' order.
  package func renderPages(_ pages: [Page], layouts: LayoutSet) async -> RenderedPages {
    let streamed = await renderPages(pages, layouts: layouts, into: KeepingSink())
    return RenderedPages(
      files: streamed.receipts.flatMap { $0 }, chosenLayouts: streamed.chosenLayouts, diagnostics: streamed.diagnostics)
  }

  /// The `layout.unknown-key` warnings of the chosen layouts (and the partials they include),
  /// each checked against the page types that chose it; only the site's own files are reported,
  /// once per tag, naming every page type that lacks the key.
  private func unknownKeys(_ layoutTypes: [LayoutResolver.Choice: Set<String>], layouts: LayoutSet) -> [Diagnostic] {
    guard !layouts.siteFiles.isEmpty else { return [] }
    var found: [String: (LayoutKeyChecker.Finding, [PageType])] = [:]
    let sorted = layoutTypes.sorted { ($0.key.origin.rawValue, $0.key.path) < ($1.key.origin.rawValue, $1.key.path) }
    for (choice, kinds) in sorted {
      for type in kinds.sorted().compactMap(PageType.init(rawValue:)) {
        for finding in layouts.keyChecker.findings(layout: "\(choice.origin.rawValue):\(choice.path)", for: type) {
          let place = "\(finding.location)|\(finding.key)"
          var entry = found[place] ?? (finding, [])
          if !entry.1.contains(type) { entry.1.append(type) }
          found[place] = entry
        }
      }
    }
    return LayoutKeyChecker.diagnostics(found.values.map { ($0.0, $0.1.sorted { $0.rawValue < $1.rawValue }) })
  }
}

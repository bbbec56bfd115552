import Foundation
import StructuredData
import WaymarkModel

extension SiteRenderer {
  /// Entities per batch of `api/entities/…` files.
  package static let entitiesPerBatch = 256

  /// Batches between returns of freed memory to the system.
  package static let batchesPerTrim = 16

  /// Renders the site into `sink` as it goes: the pages (in parallel batches), each entity's JSON
  /// (in parallel batches), then the site-wide API files, the search indexes, `llms.txt`, the readiness CSV,
  /// the layouts' assets and the docs sites' files, each group handed over as soon as it is made.
  ///
  /// The receipts keep that order, so were two files to share a path the later group's would
  /// win, as it would in memory; within a group paths are distinct. The search indexes and the
  /// site-wide API files, which read no page, are made and taken in child tasks while the pages
  /// render (both cores share that work; the API files one group at a time, after the full-text
  /// index, so no two of the largest are held at once): their files are all under `search/` and
  /// `api/`, where no page goes and nothing else but the entities' files (`api/entities/`, which
  /// they never write) and the search page (`search/index.html`) does.
  package func render<Sink: OutputSink>(
    _ input: RenderInput, into sink: Sink
  ) async throws(Sink.Failure) -> StreamedSite<Sink.Receipt> {
    let input = input.withDocsSiteKeys()
    async let searchIndex = Self.take(Self.searchIndex(input).files(for: sink), into: sink)
    async let siteWide = Self.takeSiteWideFiles(input, into: sink)
    var site = try await renderPages(PageCatalogue(input: input).pages(), layouts: input.layouts, into: sink)
    let entities = input.catalog.entities
    let api = APIRenderer(input: input)
    let batch = Self.entitiesPerBatch
    let entityFiles = try await Self.stream(batches: (entities.count + batch - 1) / batch, into: sink) { index in
      // An entity's file holds its envelope and relations: the catalog's key keys each batch.
      FileGroup(key: input.groupKey("entities-\(index)") { $1.add($0.catalog) }) {
        api.entityFiles(entities[(index * batch)..<min(entities.count, index * batch + batch)])
      }.files(for: sink)
    }
    site.receipts += entityFiles.receipts
    site.fileCount += entityFiles.fileCount
    func add(_ taken: (receipt: Result<Sink.Receipt, Sink.Failure>, count: Int)) throws(Sink.Failure) {
      site.receipts.append(try taken.receipt.get())
      site.fileCount += taken.count
    }
    func add(_ files: [OutputFile]) throws(Sink.Failure) { try add(Self.take(files, into: sink)) }
    let wide = await siteWide
    site.memoEntries = wide.memoEntries
    for taken in wide.groups { try add(taken) }
    try add(await searchIndex)
    try add(wide.fullTextIndex)
    try add([LLMsTextRenderer(input: input).file()])
    try add(
      FileGroup(key: Self.scorecardsKey("readiness", input)) {
        let readiness = ScorecardViewModel(outcome: input.scorecards, catalog: input.catalog, now: input.now)
        return [OutputFile(path: "readiness/readiness.csv", text: readiness.readinessCSV())]
      }.files(for: sink))
    try add(input.layouts.assets.map { OutputFile(path: $0.key, bytes: $0.value) })
    try add(DocsAPIRenderer(input: input).assetFiles())
    return site
  }

  /// The search index (`search/`), keyed by its documents: they show titles, descriptions, tags
  /// and docs headings, never a page's text, so editing a paragraph leaves the index as it was.
  private static func searchIndex(_ input: RenderInput) -> FileGroup {
    let documents = SearchCatalogue(input: input).documents()
    let key = input.groupKey("search-documents") { _, hasher in
      hasher.add(documents.count)
      for document in documents {
        for field in [document.title, document.url, document.kind, document.summary, document.text] {
          hasher.add(field)
        }
      }
    }
    return FileGroup(key: key) { SearchIndexWriter().files(for: documents) }
  }

  /// The key of a site-wide group `name` made from the catalog and the scorecard outcome; none
  /// shows an entity's description.
  private static func scorecardsKey(_ name: String, _ input: RenderInput) -> MemoKey? {
    input.groupKey(name) {
      $1.add($0.catalogLessDescriptions)
      $1.add($0.scorecards)
    }
  }

  /// Makes and hands to `sink` the full-text index, then the site-wide API files a group at a
  /// time (`APIRenderer.siteFileGroups`, the scorecards' files), stopping at the first failure
  /// or when the render is cancelled: each group's receipt and file count in that order, the
  /// full-text index's, and its cache entries.
  private static func takeSiteWideFiles<Sink: OutputSink>(
    _ input: RenderInput, into sink: Sink
  ) async -> (
    groups: [(receipt: Result<Sink.Receipt, Sink.Failure>, count: Int)],
    fullTextIndex: (receipt: Result<Sink.Receipt, Sink.Failure>, count: Int), memoEntries: [MemoKey: [UInt8]]
  ) {
    let fullText = await takeFullTextIndex(input, into: sink)
    let fullTextIndex = (receipt: fullText.receipt, count: fullText.count)
    // What each group made is freed before the next is made: return it, so the groups' peaks
    // (tens of megabytes of JSON each at scale) do not stack up in the heap beside the pages'.
    HeapTrim.returnFreeMemory()
    let groups =
      APIRenderer(input: input).siteFileGroups + [
        FileGroup(key: scorecardsKey("scorecards", input)) {
          ScorecardAPIRenderer(outcome: input.scorecards, catalog: input.catalog).files()
        }
      ]
    var taken: [(receipt: Result<Sink.Receipt, Sink.Failure>, count: Int)] = []
    for group in groups {
      guard !Task.isCancelled, !taken.contains(where: { (try? $0.receipt.get()) == nil }) else { break }
      taken.append(take(group.files(for: sink), into: sink))
      HeapTrim.returnFreeMemory()
    }
    return (taken, fullTextIndex, fullText.memoEntries)
  }

  /// Hands `files` to `sink`: its receipt (or why it failed) and how many files it took.
  private static func take<Sink: OutputSink>(
    _ files: [OutputFile], into sink: Sink
  ) -> (receipt: Result<Sink.Receipt, Sink.Failure>, count: Int) {
    (Result { () throws(Sink.Failure) -> Sink.Receipt in try sink.take(files) }, files.count)
  }

  /// Hands the full-text index's files to `sink`, made with the build cache's parts when the
  /// input has them: its receipt, how many files it took, and the cache entries to keep.
  private static func takeFullTextIndex<Sink: OutputSink>(
    _ input: RenderInput, into sink: Sink
  ) async -> (receipt: Result<Sink.Receipt, Sink.Failure>, count: Int, memoEntries: [MemoKey: [UInt8]]) {
    if let memoised = await input.searchMemo?.index(of: input) {
      let taken = take(memoised.files, into: sink)
      return (taken.receipt, taken.count, memoised.entries)
    }
    let taken = take(FullTextIndexWriter().files(for: SearchCatalogue(input: input).entries()), into: sink)
    return (taken.receipt, taken.count, [:])
  }

  /// Makes `batches` batches of files with `make` and hands each to `sink`, at most one more
  /// batch at a time than there are cores (so memory holds a few batches, whatever the site's
  /// size); returns the receipts in batch order and how many files were taken. The first
  /// failure stops new batches and is thrown once the running ones finish.
  package static func stream<Sink: OutputSink>(
    batches: Int, into sink: Sink, _ make: @escaping @Sendable (Int) -> [OutputFile]
  ) async throws(Sink.Failure) -> (receipts: [Sink.Receipt], fileCount: Int) {
    typealias Outcome = (index: Int, count: Int, receipt: Result<Sink.Receipt, Sink.Failure>)
    let width = ProcessInfo.processInfo.activeProcessorCount + 1
    let outcomes = await withTaskGroup(of: Outcome.self) { group in
      @Sendable func run(_ index: Int) -> Outcome {
        let files = make(index)
        return (index, files.count, Result { () throws(Sink.Failure) -> Sink.Receipt in try sink.take(files) })
      }
      var next = min(width, batches)
      for index in 0..<next { group.addTask { run(index) } }
      var outcomes: [Outcome] = []
      while let outcome = await group.next() {
        outcomes.append(outcome)
        // Each batch frees what it made: return it every few batches, so the holes it leaves
        // between what lives on are not kept resident (see `HeapTrim`).
        if outcomes.count % Self.batchesPerTrim == 0 { HeapTrim.returnFreeMemory() }
        if case .failure = outcome.receipt { break }
        if next < batches {
          let index = next
          group.addTask { run(index) }
          next += 1
        }
      }
      return outcomes
    }
    var receipts: [Sink.Receipt] = []
    var count = 0
    for outcome in outcomes.sorted(by: { $0.index < $1.index }) {
      receipts.append(try outcome.receipt.get())
      count += outcome.count
    }
    return (receipts, count)
  }
}

import Foundation
import StructuredData
import WaymarkModel

extension SiteRenderer {
  /// Entities per batch of `api/entities/…` files.
  package static let entitiesPerBatch = 256

  /// Renders the site into `sink` as it goes: the pages (in parallel batches), each entity's JSON
  /// (in parallel batches), then the site-wide API files, the search indexes, `llms.txt`, the readiness CSV,
  /// the layouts' assets and the docs sites' files, each group handed over as soon as it is made.
  ///
  /// The groups are taken one after another in that order, so were two files to share a path
  /// the later group's would win, as it would in memory; within a group paths are distinct.
  package func render<Sink: OutputSink>(
    _ input: RenderInput, into sink: Sink
  ) async throws(Sink.Failure) -> StreamedSite<Sink.Receipt> {
    var site = try await renderPages(PageCatalogue(input: input).pages(), layouts: input.layouts, into: sink)
    let entities = input.catalog.entities
    let api = APIRenderer(input: input)
    let batch = Self.entitiesPerBatch
    let entityFiles = try await Self.stream(batches: (entities.count + batch - 1) / batch, into: sink) { index in
      api.entityFiles(entities[(index * batch)..<min(entities.count, index * batch + batch)])
    }
    site.receipts += entityFiles.receipts
    site.fileCount += entityFiles.fileCount
    let fullText = input.searchMemo?.index(of: input)
    site.memoEntries = fullText?.entries ?? [:]
    let groups: [() -> [OutputFile]] = [
      { api.siteFiles() },
      { ScorecardAPIRenderer(outcome: input.scorecards, catalog: input.catalog).files() },
      { SearchIndexWriter().files(for: SearchCatalogue(input: input).documents()) },
      { fullText?.files ?? FullTextIndexWriter().files(for: SearchCatalogue(input: input).entries()) },
      { [LLMsTextRenderer(input: input).file()] },
      {
        [
          OutputFile(
            path: "readiness/readiness.csv",
            text: ScorecardViewModel(outcome: input.scorecards, catalog: input.catalog, now: input.now).readinessCSV())
        ]
      },
      { input.layouts.assets.map { OutputFile(path: $0.key, bytes: $0.value) } },
      { DocsAPIRenderer(input: input).assetFiles() },
    ]
    for group in groups {
      let files = group()
      site.receipts.append(try sink.take(files))
      site.fileCount += files.count
    }
    return site
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

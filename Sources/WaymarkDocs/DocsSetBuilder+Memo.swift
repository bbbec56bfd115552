import Foundation
import WaymarkModel

extension DocsSetBuilder {
  /// Renders the pages in parallel, a few chunks per core, taking those `memo` holds instead
  /// of rendering them; returns the pages and the memo entries of every page it may keep.
  package static func parse(
    _ jobs: [PageJob], memo: DocsPageMemo?, parser: DocsPageParser
  ) async -> (pages: [DocsPageParser.ParsedPage], entries: [MemoKey: [UInt8]]) {
    typealias Parsed = (page: DocsPageParser.ParsedPage, entry: (MemoKey, [UInt8])?)
    let chunkCount = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount * 4))
    let chunkSize = (jobs.count + chunkCount - 1) / max(1, chunkCount)
    return await withTaskGroup(of: [Parsed].self) { group in
      for start in stride(from: 0, to: jobs.count, by: max(1, chunkSize)) {
        let chunk = jobs[start..<min(jobs.count, start + chunkSize)]
        group.addTask { chunk.map { parse($0, memo: memo, parser: parser) } }
      }
      var pages: [DocsPageParser.ParsedPage] = []
      var entries: [MemoKey: [UInt8]] = [:]
      pages.reserveCapacity(jobs.count)
      for await chunk in group {
        for parsed in chunk {
          pages.append(parsed.page)
          if let (key, bytes) = parsed.entry { entries[key] = bytes }
        }
      }
      return (pages, entries)
    }
  }

  /// One page: from `memo` when it holds it (its entry kept as stored), else rendered.
  private static func parse(
    _ job: PageJob, memo: DocsPageMemo?, parser: DocsPageParser
  ) -> (page: DocsPageParser.ParsedPage, entry: (MemoKey, [UInt8])?) {
    guard let memo else { return (parser.parse(job.file, key: job.key), nil) }
    // A page that includes snippets is keyed by what they expand to as well (`memoKey`).
    let key = parser.memoKey(job.file, key: job.key)
    if let page = memo.page(job, key: key, resolver: parser.resolver) {
      return (page, memo.stored.entry(key).map { (key, Array($0)) })
    }
    let page = parser.parse(job.file, key: job.key)
    return (page, DocsPageMemo.entry(for: page, key: key))
  }
}

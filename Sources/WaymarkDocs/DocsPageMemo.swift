import Markdown
import WaymarkLoading
import WaymarkModel

/// Docs pages parsed by an earlier build (the build cache's `docs` table), by their file's path
/// and bytes (and what its snippets expand to, `DocsPageParser.memoKey`): a page found here is
/// not rendered again.
///
/// A page's HTML depends on its file and on what the link resolver wrote for each of its links
/// (the site's pages and assets decide that). So an entry holds, besides the parsed page, each
/// destination with what it was written as, and is used only when the resolver still writes
/// every one the same; the links' resolutions are then taken from the resolver afresh. Pages
/// with diagrams (rendered by a tool outside Waymark) are never kept.
package struct DocsPageMemo: Sendable {
  /// The table's name in the build cache.
  package static let table = "docs"

  /// What earlier builds stored.
  package let stored: CacheTable
  /// The diagrams earlier builds drew, taken rather than drawn again.
  package let diagrams: DiagramMemo?

  /// A memo of `stored`, and of the drawings in `diagrams`.
  package init(_ stored: CacheTable, diagrams: DiagramMemo? = nil) {
    self.stored = stored
    self.diagrams = diagrams
  }

  /// The page of `job` stored under `key` (`DocsPageParser.memoKey`), when its links are still
  /// written the same; nil otherwise.
  package func page(
    _ job: DocsSetBuilder.PageJob, key: MemoKey, resolver: DocsLinkResolver
  ) -> DocsPageParser.ParsedPage? {
    guard var reader = stored.reader(for: key),
      var page = try? Self.readPage(&reader, key: job.key)
    else { return nil }
    let rootPrefix = SitePaths.rootPrefix(forPageAt: resolver.url(of: job.key))
    var resolutions: [DocsLinkResolver.Resolution] = []
    resolutions.reserveCapacity(page.rewrites.count)
    for rewrite in page.rewrites {
      let (resolution, written) = resolver.resolve(
        rewrite.destination, on: job.key, sourcePath: job.file.path, rootPrefix: rootPrefix)
      guard written == rewrite.written else { return nil }
      resolutions.append(resolution)
    }
    DocsPageParser.addLinks(
      to: &page, resolutions: resolutions, file: job.file, snippetLocations: page.snippetLocations)
    return page
  }

  /// The entry to store for `page` under `key`; nil for a page with diagrams.
  ///
  /// `page` is as `DocsPageParser.parse` returned it: the unsafe-link warnings `addLinks` made
  /// are left out (they are made again with the links).
  package static func entry(for page: DocsPageParser.ParsedPage, key: MemoKey) -> (MemoKey, [UInt8])? {
    guard page.rendered.unrenderedDiagrams.isEmpty, !page.rendered.html.contains("<svg") else { return nil }
    var writer = CacheRecordWriter()
    writer.add(page.rendered.html)
    writer.add(UInt64(page.rendered.headings.count))
    for heading in page.rendered.headings {
      writer.add(heading.level)
      writer.add(heading.text)
      writer.add(heading.anchor)
      writer.add(heading.line)
    }
    writer.add(UInt64(page.rendered.links.count))
    for link in page.rendered.links {
      writer.add(link.destination)
      writer.add(link.isImage)
      writer.add(link.line)
      writer.add(link.column)
    }
    writer.add(page.rendered.words)
    writer.add(page.title)
    writer.add(page.description)
    writer.add(page.tags)
    writer.add(page.diagnostics.filter { $0.code != .docsUnsafeLink })
    writer.add(UInt64(page.rewrites.count))
    for rewrite in page.rewrites {
      writer.add(rewrite.destination)
      writer.add(rewrite.written)
    }
    writer.add(UInt64(page.snippetLocations.count))
    for location in page.snippetLocations { writer.add(location) }
    return (key, writer.bytes)
  }

  private static func readPage(
    _ reader: inout CacheRecordReader, key: DocsLinkResolver.PageKey
  ) throws(CacheRecordReader.Corrupt) -> DocsPageParser.ParsedPage {
    let html = try reader.string()
    var headings: [MarkdownHeading] = []
    for _ in 0..<(try reader.count(minimumBytes: 4)) {
      headings.append(
        MarkdownHeading(
          level: try reader.int(), text: try reader.string(), anchor: try reader.string(), line: try reader.int()))
    }
    var links: [MarkdownLink] = []
    for _ in 0..<(try reader.count(minimumBytes: 4)) {
      links.append(
        MarkdownLink(
          destination: try reader.string(), isImage: try reader.bool(), line: try reader.int(),
          column: try reader.int()))
    }
    var rendered = RenderedMarkdown(html: html, headings: headings, links: links, words: try reader.int())
    rendered.unrenderedDiagrams = []
    var page = DocsPageParser.ParsedPage(
      key: key, rendered: rendered, title: try reader.optionalString(), description: try reader.optionalString(),
      tags: try reader.array(of: String.self), links: [], diagnostics: try reader.array(of: Diagnostic.self))
    for _ in 0..<(try reader.count(minimumBytes: 2)) {
      page.rewrites.append((try reader.string(), try reader.string()))
    }
    for _ in 0..<(try reader.count(minimumBytes: 1)) {
      page.snippetLocations.append(try reader.optional(SourceLocation.self))
    }
    guard reader.isAtEnd else { throw CacheRecordReader.Corrupt() }
    return page
  }
}

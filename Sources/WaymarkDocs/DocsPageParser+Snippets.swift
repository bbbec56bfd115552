import Markdown
import WaymarkModel

extension DocsPageParser {
  /// Puts what `rendered` found back on the page's lines: the renderer counted lines of the
  /// expanded page, so headings and diagrams move to the page line they stand at, and links to
  /// their line in the page; a link a snippet brought in gets its place in that snippet's file
  /// (returned, one entry per link, nil for the page's own).
  static func placeLines(
    of rendered: inout RenderedMarkdown, expansion: SnippetExpansion, source: DocsSnippetSource, page: SourceFile
  ) -> [SourceLocation?] {
    for index in rendered.headings.indices {
      rendered.headings[index].line = expansion.origin(ofLine: rendered.headings[index].line).pageLine
    }
    for index in rendered.unrenderedDiagrams.indices {
      rendered.unrenderedDiagrams[index].line =
        expansion.origin(ofLine: rendered.unrenderedDiagrams[index].line)
        .pageLine
    }
    var locators: [Int: DocsLinkLocator] = [:]
    var locations: [SourceLocation?] = []
    locations.reserveCapacity(rendered.links.count)
    for index in rendered.links.indices {
      let link = rendered.links[index]
      let origin = expansion.origin(ofLine: link.line)
      guard origin.source != 0 else {
        rendered.links[index].line = origin.line
        locations.append(nil)
        continue
      }
      rendered.links[index].line = origin.pageLine
      rendered.links[index].column = 1
      guard let file = source.file(of: origin, in: expansion, page: page) else {
        locations.append(source.autoAppendLocation)
        continue
      }
      var locator = locators[origin.source] ?? DocsLinkLocator(file: file)
      let shifted = MarkdownLink(
        destination: link.destination, isImage: link.isImage, line: origin.line,
        column: max(1, link.column - origin.indent))
      locations.append(locator.location(of: shifted))
      locators[origin.source] = locator
    }
    return locations
  }
}

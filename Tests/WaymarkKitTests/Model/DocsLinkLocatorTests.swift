import Markdown
import Testing
import WaymarkDocs
import WaymarkModel

/// Link locations for docs diagnostics, found in one forward pass per page. The pass replaced a
/// scan from the top of the file for every link, which fuzz-markdown's profile showed: quadratic
/// in a page's broken links (16,000 of them in an 870 KB page took 19 times as long as 4,000).
@Suite struct DocsLinkLocatorTests {
  private let file = SourceFile(
    path: "docs/index.md", bytes: Array("# Über\n[a](x.md) é [b](y.md)\r\nsee [c](z.md)\rlast [d](w.md)\n".utf8))

  private func link(_ line: Int, _ byteColumn: Int) -> MarkdownLink {
    MarkdownLink(destination: "x.md", isImage: false, line: line, column: byteColumn)
  }

  @Test func linksInOrderAreLocatedInScalarColumnsAcrossEveryLineEnding() {
    var locator = DocsLinkLocator(file: file)
    let locations = [link(2, 1), link(2, 21), link(3, 5), link(4, 6)].map { locator.location(of: $0) }
    #expect(
      locations.map(\.description) == [
        "docs/index.md:2:1", "docs/index.md:2:20", "docs/index.md:3:5", "docs/index.md:4:6",
      ])
  }

  @Test func aLinkOutOfOrderIsLocatedAsInAFreshPass() {
    var locator = DocsLinkLocator(file: file)
    _ = locator.location(of: link(4, 6))
    #expect(locator.location(of: link(2, 21)).description == "docs/index.md:2:20")
  }

  @Test func manyLinksOnManyLinesKeepTheirLines() {
    let text = (1...2000).map { "Line \($0) with [a broken link](missing-\($0).md)." }.joined(separator: "\n")
    var locator = DocsLinkLocator(file: SourceFile(path: "docs/index.md", bytes: Array(text.utf8)))
    let locations = (1...2000).map { locator.location(of: link($0, 7 + String($0).count)) }
    #expect(locations.map(\.line) == Array(1...2000))
    #expect(locations.allSatisfy { $0.column == 7 + String($0.line).count })
  }

  @Test func aLineTheFileDoesNotHaveIsLocatedAtItsFirstColumn() {
    var locator = DocsLinkLocator(file: file)
    #expect(locator.location(of: link(9, 4)).description == "docs/index.md:9:1")
  }
}

import Markdown
import Testing

@Suite struct MarkdownComplexityCheckTests {
  static let small = MarkdownComplexityCheck(
    limits: .init(tableCells: 100, documentTableCells: 150, bracketSteps: 50))

  /// A header and delimiter row of `columns` cells, then `rows` lines without a single `|`
  /// (cmark-gfm pads each to `columns` cells).
  static func amplifyingTable(columns: Int, rows: Int) -> String {
    "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
      + String(repeating: "x\n", count: rows)
  }

  @Test func ordinaryMarkdownPasses() {
    let page = """
      # Title

      | a | b |
      |---|:-:|
      | 1 | 2 |

      See [the guide](guide.md), ![a chart](img/c.png) and [[wiki]] links.

      ```
      [[[[ code ]]]]
      ```
      """
    #expect(MarkdownComplexityCheck().firstExcess(in: page) == nil)
  }

  @Test func aTableThatPadsRowsToManyColumnsIsTooComplexAtItsHeaderLine() {
    let page = "intro\n\n" + Self.amplifyingTable(columns: 20, rows: 9)
    #expect(
      Self.small.firstExcess(in: page)
        == .init(line: 3, description: "a table of 20 columns × 6 rows or more (120 cells; the limit is 100)"))
    #expect(Self.small.firstExcess(in: "intro\n\n" + Self.amplifyingTable(columns: 20, rows: 3)) == nil)
  }

  @Test func tablesInQuotesAndListsAndLinesEndedByCarriageReturnsCount() {
    let quoted = Self.amplifyingTable(columns: 20, rows: 9).split(separator: "\n").map { "> " + $0 }.joined(
      separator: "\n")
    #expect(Self.small.firstExcess(in: quoted)?.line == 1)
    let listed = "- " + Self.amplifyingTable(columns: 20, rows: 9).replacingOccurrences(of: "\n", with: "\n  ")
    #expect(Self.small.firstExcess(in: listed)?.line == 1)
    let carriageReturns = Self.amplifyingTable(columns: 20, rows: 9).replacingOccurrences(of: "\n", with: "\r")
    #expect(Self.small.firstExcess(in: carriageReturns)?.line == 1)
  }

  @Test func manyTablesOnOnePageAddUp() {
    let table = Self.amplifyingTable(columns: 10, rows: 5)
    #expect(Self.small.firstExcess(in: table + "\n" + table) == nil)
    #expect(
      Self.small.firstExcess(in: table + "\n" + table + "\n" + table)
        == .init(line: 17, description: "tables of 180 cells in all (the limit is 150 per page)"))
  }

  @Test func openBracketsThatEveryCloseLooksBackOverAreTooComplex() {
    // `![[]()` leaves one more '[' open each time: the n-th ']' looks back over n + 1.
    let excess = Self.small.firstExcess(in: "text\n\n" + String(repeating: "![[]()", count: 9))
    #expect(
      excess
        == .init(
          line: 3,
          description:
            "links and images nested or left open so deeply that matching their brackets takes more than 50 steps"))
    #expect(Self.small.firstExcess(in: String(repeating: "![[]()", count: 8)) == nil)
    // Closed links cost one step each, and a blank line ends the paragraph's brackets.
    #expect(Self.small.firstExcess(in: String(repeating: "[a](b) ", count: 50)) == nil)
    #expect(Self.small.firstExcess(in: String(repeating: "![[]()\n\n", count: 20)) == nil)
    #expect(Self.small.firstExcess(in: String(repeating: "![[]()\n", count: 20))?.line == 1)
    #expect(
      Self.small.firstExcess(in: String(repeating: "\\[", count: 400) + String(repeating: "]", count: 400)) == nil)
    // Deep nesting that forms no link closes each ']' in one step, unless references are defined.
    let nested = String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40)
    #expect(Self.small.firstExcess(in: nested) == nil)
    #expect(Self.small.firstExcess(in: nested + "\n\n[x]: https://example.com\n")?.line == 1)
  }

  @Test func theStandardLimitsStopTheMeasuredAttacks() {
    let check = MarkdownComplexityCheck()
    #expect(check.firstExcess(in: Self.amplifyingTable(columns: 700, rows: 700)) != nil)
    #expect(check.firstExcess(in: String(repeating: "![[]()", count: 10_000)) != nil)
    let wide = "|" + String(repeating: "a|", count: 10) + "\n|" + String(repeating: "-|", count: 10) + "\n"
    #expect(
      check.firstExcess(in: wide + String(repeating: "|" + String(repeating: "x|", count: 10) + "\n", count: 4_000))
        == nil)
  }
}

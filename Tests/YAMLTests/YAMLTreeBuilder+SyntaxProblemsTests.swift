import Foundation
import StructuredData
import Testing
import WaymarkTestSupport

@testable import YAML

/// libyaml reports a problem at the end of a text without a final line break on the line after
/// the last; the loader keeps it where the text ends. Found by `make fuzz` (fuzz-yaml and
/// fuzz-config traps on a diagnostic past the end of its file); their inputs are in `Fixtures/fuzz/`.
@Suite struct YAMLTreeBuilderSyntaxProblemsTests {
  private func fixture(_ name: String) throws -> [UInt8] {
    try [UInt8](
      Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Tests/YAMLTests/Fixtures/fuzz/\(name)")))
  }

  @Test func flowCollectionCutShortIsLocatedWhereTheTextEnds() throws {
    // "\t[": a tab, then a flow sequence that never closes, and no line break.
    let stream = YAMLLoader().load(bytes: try fixture("flow-collection-cut-short.yaml"))
    #expect(
      stream.problems.map(\.description) == [
        "1:3: error: did not find expected node content, while parsing a flow node that starts at 1:3 [yaml.syntax]"
      ])
    #expect(stream.problems.flatMap(\.notes).map(\.position) == [SourcePosition(line: 1, column: 3)])
  }

  @Test func keyCutShortIsLocatedWhereTheTextEnds() throws {
    // A waymark.yaml whose last line, "metric", lost its ": …" and its line break.
    let stream = YAMLLoader().load(bytes: try fixture("key-cut-short.yaml"))
    #expect(
      stream.problems.map(\.description) == [
        "3:7: error: could not find expected ':', while scanning a simple key that starts at 3:1 [yaml.syntax]"
      ])
  }

  @Test func textEndingInALineBreakEndsOnTheLineAfterIt() {
    let stream = YAMLLoader().load("a: [b,\n")
    #expect(
      stream.problems.map(\.description) == [
        "2:1: error: did not find expected node content, while parsing a flow node that starts at 2:1 [yaml.syntax]"
      ])
  }

  @Test func lineBreakTheLoaderAppendsMovesNothingPastTheEnd() {
    // A last line of spaces gets a line break appended before libyaml reads the text.
    let stream = YAMLLoader().load("a: [b,\n  ")
    #expect(
      stream.problems.map(\.description) == [
        "2:3: error: did not find expected node content, while parsing a flow node that starts at 2:3 [yaml.syntax]"
      ])
  }

  @Test(arguments: [true, false]) func utf16TextCutShortIsLocatedWhereTheTextEnds(littleEndian: Bool) {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in "a: é\nb: [c".utf16 {
      bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    let stream = YAMLLoader().load(bytes: bytes)
    #expect(
      stream.problems.map(\.description) == [
        "2:6: error: did not find expected ',' or ']', while parsing a flow sequence that starts at 2:4 [yaml.syntax]"
      ])
  }
}

import Foundation
import Testing
import WaymarkLoading
import WaymarkModel
import WaymarkTestSupport

/// JSON arrays and single-document `.json` exports, which are read whole: every element is
/// located in one pass over the file, and a file over the limit is an error, never read whole.
@Suite struct EventLoaderDocumentTests {
  static let record = EventLoaderLimitTests.record

  /// The shape: 20,000 events in one array took 29 s, each element located by counting
  /// from the start of the file. Counting on from the previous element walks each byte at most twice.
  @Test func twentyThousandElementsAreLocatedInOnePass() throws {
    var lines = (1...20_000).map { "  " + Self.record.replacingOccurrences(of: "ID", with: "\($0)") }
    lines[19_999] = "  {\"x\": 1}"
    let text = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    let bytes = Array(text.utf8)
    let result = EventLoader.decodeDocument(bytes, decoder: EventChunkDecoder(), isArray: true)
    #expect(result.events.count == 19_999)
    #expect(result.problems.map { "\($0.line):\($0.column) \($0.code)" } == ["20001:3 events.invalid"])
    #expect(result.locatingBytes <= 2 * bytes.count)
    #expect(result.locatingBytes >= bytes.count - 4)
  }

  @Test func elementsAreLocatedWhereverTheyStart() throws {
    let text = "[{\"x\": 1}, {\"y\": 2},\n\n    {\"z\": 3}]"
    let result = EventLoader.decodeDocument(Array(text.utf8), decoder: EventChunkDecoder(), isArray: true)
    #expect(result.problems.map { "\($0.line):\($0.column)" } == ["1:2", "1:12", "3:5"])
  }

  /// Over 64 MiB, an array is `input.too-large` and only the first 64 MiB are ever read.
  @Test func aDocumentOverTheLimitIsTooLarge() async throws {
    let root = try SiteFixture.make([:])
    let path = root.appendingPathComponent("big.json")
    let limit = SourceFile.maximumByteCount
    var bytes = Array("[{\"note\": \"".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: limit)
    bytes += Array("\"}]\n".utf8)
    try Data(bytes).write(to: path)
    let result = await EventLoader(root: root).load(paths: ["big.json"])
    #expect(result.events.isEmpty && result.files.isEmpty)
    #expect(
      DiagnosticFormat.text.format(DiagnosticList(result.diagnostics))
        == "big.json: error: file is \(bytes.count) bytes, over the 64 MiB limit for one input file; it is not read "
        + "(a JSON array or document is read whole; export events as JSON Lines, which are streamed) [input.too-large]\n"
    )
  }

  @Test func theLimitCanBeSetAndAppliesToSingleDocumentsToo() async throws {
    let document = Self.record.replacingOccurrences(of: "ID", with: "1")
    let root = try SiteFixture.make(["one.json": document, "array.json": "[" + document + "]"])
    var loader = EventLoader(root: root)
    loader.maximumDocumentBytes = document.utf8.count
    let fits = await loader.load(paths: ["one.json"])
    #expect(fits.events.count == 1 && fits.diagnostics.isEmpty)
    let over = await loader.load(paths: ["array.json"])
    #expect(over.events.isEmpty)
    #expect(over.diagnostics.map(\.code.rawValue) == ["input.too-large"])
  }
}

import Testing
import WaymarkModel

/// The terminal shows every error and ten warnings and notes per code (issue 21).
@Suite struct DiagnosticShorteningTests {
  func warning(_ code: DiagnosticCode, _ line: Int) -> Diagnostic {
    .warning(code, "w\(line)", at: SourceLocation(path: "docs/a.md", line: line, column: 1))
  }

  @Test func keepsTenWarningsPerCodeAndEveryErrorAndCountsTheRest() {
    let remote = (1...68).map { warning(.docsRemoteRef, $0) }
    let broken = (1...3).map { warning(.docsBrokenLink, 100 + $0) }
    let notes = (1...11).map {
      Diagnostic(.note, code: .catalogTemplateFile, message: "n", location: SourceLocation(path: "t\($0).yaml"))
    }
    let errors = (1...12).map {
      Diagnostic.error(.catalogDanglingRef, "e\($0)", at: SourceLocation(path: "c.yaml", line: $0))
    }
    let list = DiagnosticList(remote + broken + notes + errors)
    let (shown, hidden) = list.shortened()
    #expect(shown.count == 10 + 3 + 10 + 12)
    #expect(shown.filter { $0.code == .docsRemoteRef }.map(\.message) == (1...10).map { "w\($0)" })
    #expect(hidden.map(\.code) == [.catalogTemplateFile, .docsRemoteRef])
    #expect(
      DiagnosticList.hiddenLines(hidden, allIn: "api/build.json") == """
        … and 1 more catalog.template-file; all in api/build.json
        … and 58 more docs.remote-ref; all in api/build.json

        """)
  }

  @Test func nothingIsCutAtTheLimit() {
    let list = DiagnosticList((1...10).map { warning(.docsRemoteRef, $0) })
    let (shown, hidden) = list.shortened()
    #expect(shown == list.items)
    #expect(hidden.isEmpty)
  }
}

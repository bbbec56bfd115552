import Foundation
import Testing
import WaymarkLoading

@Suite struct DiagramToolRunnerTests {
  @Test func rendersGraphvizWithDebiansDot() throws {
    let runner = DiagramToolRunner()
    try #require(runner.executable("dot") != nil, "Graphviz is installed by `make deps` (APT_PACKAGES)")
    let svg = try #require(runner.svg(language: "dot", engine: "dot", source: "digraph G { a -> b }\n"))
    #expect(svg.contains("<svg "))
    #expect(svg.contains("<title>a&#45;&gt;b</title>"))
    #expect(
      runner.svg(language: "dot", engine: "neato", source: "digraph G { a -> b }\n")?.contains("<title>b</title>")
        == true)
  }

  @Test func yieldsNothingForBrokenSourceUnknownEnginesAndMissingTools() {
    let runner = DiagramToolRunner()
    #expect(runner.svg(language: "dot", engine: "dot", source: "digraph { a -> \n") == nil)
    #expect(runner.svg(language: "dot", engine: "sh", source: "digraph { a }\n") == nil)
    let bare = DiagramToolRunner(searchPath: [])
    #expect(bare.svg(language: "dot", engine: "dot", source: "digraph { a }\n") == nil)
    #expect(bare.svg(language: "plantuml", engine: "plantuml", source: "@startuml\nA -> B\n@enduml\n") == nil)
  }
}

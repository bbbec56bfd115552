import Markdown
import WaymarkLoading
import WaymarkModel

/// SVG the diagram tools drew in an earlier build (the build cache's `diagrams` table), by the
/// tools on `PATH` (`DiagramToolRunner.fingerprint`) and the diagram's language, engine and
/// source: a diagram found here is not drawn again, so an edit elsewhere starts no tool.
///
/// Only drawings that succeeded are kept: a tool that failed or timed out is asked again next time.
package struct DiagramMemo: Sendable {
  /// The table's name in the build cache.
  package static let table = "diagrams"

  /// What earlier builds stored.
  package let stored: CacheTable
  /// The key of the tools on `PATH` (`DiagramToolRunner.fingerprint`).
  package let tools: MemoKey

  /// A memo of `stored`, for the tools keyed `tools`.
  package init(_ stored: CacheTable, tools: MemoKey) {
    self.stored = stored
    self.tools = tools
  }

  /// The key of `diagram`'s drawing.
  package func key(for diagram: MarkdownDiagram) -> MemoKey {
    var hasher = MemoHasher("diagram")
    hasher.add(tools)
    hasher.add(diagram.language)
    hasher.add(diagram.engine)
    hasher.add(diagram.source)
    return hasher.finish()
  }

  /// `diagram`'s SVG: stored, else drawn by `runner`.
  package func svg(for diagram: MarkdownDiagram, runner: DiagramToolRunner) -> String? {
    if let bytes = stored.entry(key(for: diagram)) { return String(decoding: bytes, as: UTF8.self) }
    return runner.svg(language: diagram.language, engine: diagram.engine, source: diagram.source)
  }

  /// The entries to keep for the diagrams `pages` drew.
  package func entries(of pages: [DocsPageParser.ParsedPage]) -> [MemoKey: [UInt8]] {
    var entries: [MemoKey: [UInt8]] = [:]
    for page in pages {
      for drawn in page.rendered.renderedDiagrams { entries[key(for: drawn.diagram)] = Array(drawn.svg.utf8) }
    }
    return entries
  }
}

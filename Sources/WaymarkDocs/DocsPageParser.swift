import Markdown
import StructuredData
import WaymarkModel
import YAML

/// Parses one docs page: YAML front matter, then the markdown with every link resolved.
package struct DocsPageParser: Sendable {
  /// A page as parsed, before anchors on other pages are checked.
  package struct ParsedPage: Sendable {
    package var key: DocsLinkResolver.PageKey
    package var rendered: RenderedMarkdown
    package var title: String?
    package var description: String?
    package var tags: [String]
    /// Each link that needs checking, with where it leads (columns still in bytes, as cmark-gfm
    /// counts them; `DocsLinkLocator` converts the few that are reported), and where it is when
    /// a snippet brought it in (nil: in the page itself).
    package var links: [(link: MarkdownLink, resolution: DocsLinkResolver.Resolution, location: SourceLocation?)]
    package var diagnostics: [Diagnostic]
    /// Each destination handed to the resolver, in order, with what it was written as: the
    /// page's HTML depends on nothing else beyond its file (`DocsPageMemo` asks again).
    package var rewrites: [(destination: String, written: String)] = []
    /// Where each of `rendered.links` is when a snippet brought it in (nil: in the page itself);
    /// empty for a page without snippets.
    package var snippetLocations: [SourceLocation?] = []
  }

  package let renderer: MarkdownRenderer
  package let resolver: DocsLinkResolver
  /// What cmark-gfm may be given; a page past it is a `docs.too-complex` error, shown as text.
  package var complexity = MarkdownComplexityCheck()
  /// The snippets of each site, by site index (none: pages are rendered as written).
  package var snippets: [Int: DocsSnippetSource] = [:]

  /// Parses `file`, the page `key`.
  package func parse(_ file: SourceFile, key: DocsLinkResolver.PageKey) -> ParsedPage {
    let text = String(decoding: file.bytes, as: UTF8.self)
    let split = MarkdownFrontMatter(splitting: text)
    var page = ParsedPage(
      key: key, rendered: RenderedMarkdown(html: "", headings: [], links: []), tags: [], links: [],
      diagnostics: DocsEncodingCheck.diagnostics(for: file))
    if let yaml = split.yaml {
      readFrontMatter(yaml, firstLine: split.yamlLine, path: file.path, into: &page)
    }
    let snippetSource = snippetSource(of: key)
    let (body, expansion) = markdownToRender(split.body, snippets: snippetSource, file: file, into: &page)
    if let excess = complexity.firstExcess(in: body) {
      let line = expansion?.origin(ofLine: excess.line).pageLine ?? excess.line
      page.diagnostics.append(
        .error(
          .docsTooComplex,
          "\(excess.description) would take too much memory or time to render; the page is not rendered",
          at: SourceLocation(path: file.path, line: line, column: 1)))
      let text = "<pre>" + HTMLEscaping.escape(split.body) + "</pre>\n"
      page.rendered = RenderedMarkdown(html: text, headings: [], links: [])
      return page
    }
    let rootPrefix = SitePaths.rootPrefix(forPageAt: resolver.url(of: key))
    var resolutions: [DocsLinkResolver.Resolution] = []
    var rewrites: [(destination: String, written: String)] = []
    page.rendered = renderer.render(body) { link in
      let (resolution, rewritten) = resolver.resolve(
        link.destination, on: key, sourcePath: file.path, rootPrefix: rootPrefix)
      resolutions.append(resolution)
      rewrites.append((link.destination, rewritten))
      return rewritten
    }
    var snippetLocations: [SourceLocation?] = []
    if let expansion, let snippetSource {
      snippetLocations = Self.placeLines(of: &page.rendered, expansion: expansion, source: snippetSource, page: file)
    }
    page.rewrites = rewrites
    page.snippetLocations = snippetLocations
    for diagram in page.rendered.unrenderedDiagrams {
      page.diagnostics.append(
        .warning(
          .docsDiagramNotRendered,
          "the \(diagram.language) diagram is shown as its source: "
            + "\(Self.missingTool(diagram.language)) is not installed or failed",
          at: SourceLocation(path: file.path, line: diagram.line, column: 1)))
    }
    Self.addLinks(to: &page, resolutions: resolutions, file: file, snippetLocations: snippetLocations)
    return page
  }

  /// The snippets of the page's site, if any.
  func snippetSource(of key: DocsLinkResolver.PageKey) -> DocsSnippetSource? {
    snippets[key.site]
  }

  /// Whether the page `file` may include other files (a `--8<--` or the site's `auto_append`):
  /// its HTML then depends on more than its own bytes.
  package func expandsSnippets(_ file: SourceFile, key: DocsLinkResolver.PageKey) -> Bool {
    snippetSource(of: key)?.applies(to: String(decoding: file.bytes, as: UTF8.self)) ?? false
  }

  /// The key the build cache keeps the page `file` under: its path and bytes and, for a page that
  /// includes snippets, everything its site's snippets are expanded with (`DocsSnippetSource.key`),
  /// so the entry is used only while the page expands to the same markdown from the same files.
  package func memoKey(_ file: SourceFile, key: DocsLinkResolver.PageKey) -> MemoKey {
    var hasher = MemoHasher("docs-page")
    hasher.add(file.path)
    hasher.add(file.bytes)
    if let snippets = snippetSource(of: key), snippets.applies(to: String(decoding: file.bytes, as: UTF8.self)) {
      hasher.add("snippets")
      hasher.add(snippets.key)
    }
    return hasher.finish()
  }

  /// Pairs the page's links with their `resolutions` (in the order the renderer asked), keeping
  /// those to check, and reports the links removed as unsafe; a link from a snippet is located in
  /// the snippet's file (`snippetLocations`, by link).
  package static func addLinks(
    to page: inout ParsedPage, resolutions: [DocsLinkResolver.Resolution], file: SourceFile,
    snippetLocations: [SourceLocation?] = []
  ) {
    // Dangerous links (javascript:) never reach the closure; they have no resolution to check.
    var next = resolutions.makeIterator()
    var locator = DocsLinkLocator(file: file)
    for (index, link) in page.rendered.links.enumerated() {
      let snippetLocation = index < snippetLocations.count ? snippetLocations[index] : nil
      if MarkdownRenderer.isDangerous(link) {
        page.diagnostics.append(
          .warning(
            .docsUnsafeLink, "link to '\(link.destination)' is removed: docs may not run scripts or embed data",
            at: snippetLocation ?? locator.location(of: link)))
        continue
      }
      let resolution = next.next() ?? .external
      if resolution == .external || resolution == .asset { continue }
      page.links.append((link, resolution, snippetLocation))
    }
  }

  /// The page's markdown as the extensions read it: techdocs-core's plugins run on the page first
  /// (GitHub alerts become admonitions), then snippets are expanded (their problems reported).
  private func markdownToRender(
    _ written: String, snippets: DocsSnippetSource?, file: SourceFile, into page: inout ParsedPage
  ) -> (String, SnippetExpansion?) {
    let markdown = renderer.rendersTechDocsExtensions ? GitHubAlertConverter.convert(written) : written
    guard let snippets, let expansion = snippets.expand(markdown) else { return (markdown, nil) }
    page.diagnostics += snippets.diagnostics(for: expansion, page: file)
    return (expansion.text, expansion)
  }

  /// The tool a diagram language needs, as Debian packages it.
  static func missingTool(_ language: String) -> String {
    language == "plantuml" ? "PlantUML (Debian's plantuml)" : "Graphviz (Debian's graphviz)"
  }

  /// Reads `title`, `description` and `tags`; other keys are the author's own.
  private func readFrontMatter(_ yaml: String, firstLine: Int, path: String, into page: inout ParsedPage) {
    // Blank lines in front of the YAML put its positions, those in messages too, at the file's lines.
    let stream = YAMLLoader().load(String(repeating: "\n", count: max(0, firstLine - 1)) + yaml)
    func shifted(_ position: SourcePosition) -> SourceLocation {
      SourceLocation(path: path, line: position.line, column: position.column)
    }
    // The node tree takes the first of duplicate keys silently; the converter reports them.
    let conversionProblems = (stream.documents.first.map { YAMLConverter().convert($0.root).problems } ?? []).filter {
      $0.code == .duplicateKey
    }
    for problem in stream.problems + conversionProblems {
      page.diagnostics.append(
        Diagnostic(
          problem.severity == .error ? .error : .warning, code: DiagnosticCode(yaml: problem.code),
          message: "front matter: " + problem.message, location: shifted(problem.position)))
    }
    guard let root = stream.documents.first?.root else { return }
    guard root.mapping != nil else {
      page.diagnostics.append(.warning(.docsBadFrontMatter, "front matter must be a mapping", at: shifted(root.start)))
      return
    }
    for key in ["title", "description"] {
      guard let node = root[key] else { continue }
      guard let text = node.scalar?.text else {
        page.diagnostics.append(.warning(.docsBadFrontMatter, "'\(key)' must be a string", at: shifted(node.start)))
        continue
      }
      if key == "title" { page.title = text } else { page.description = text }
    }
    if let node = root["tags"] {
      if let elements = node.sequence, elements.allSatisfy({ $0.scalar != nil }) {
        page.tags = elements.compactMap { $0.scalar?.text }
      } else {
        page.diagnostics.append(
          .warning(.docsBadFrontMatter, "'tags' must be a list of strings", at: shifted(node.start)))
      }
    }
  }
}

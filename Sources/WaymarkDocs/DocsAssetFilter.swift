import WaymarkModel

/// Keeps docs files that could run script on the portal's origin out of the site.
///
/// Files under a docs folder are copied beside the pages unchanged, and a browser opening an
/// HTML, XHTML, SVG or XML copy runs whatever script it holds (or builds, through an XSLT
/// `xml-stylesheet`) with the portal's origin. No filter of such files is complete (UTF-16 with a
/// byte-order mark, `<!-->` comments, bogus `<?`/CDATA comments, ISO-2022-JP escapes and padded
/// character references all got past one), so they are not published at all, except SVG images
/// that `SVGAssetChecker` reads as pure drawings with a real XML parser. Each file left out gets
/// one `docs.unsafe-asset` warning naming it, and links to it are then broken links. With
/// `docs.unsafeHTML: true` every file is copied, as raw HTML in pages then is.
package struct DocsAssetFilter: Sendable {
  /// Whether active content is published anyway (`docs.unsafeHTML`).
  package var allowsActiveContent: Bool

  /// Extensions a browser opens as HTML, XHTML, SVG or XML (and so may run script in).
  package static let markupExtensions: Set<String> = [
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "rdf", "rss", "atom",
  ]

  /// The assets that are safe to publish, and a warning for each one left out.
  package func filter(_ assets: [(path: String, file: SourceFile)]) -> (
    [(path: String, file: SourceFile)], [Diagnostic]
  ) {
    guard !allowsActiveContent else { return (assets, []) }
    var kept: [(path: String, file: SourceFile)] = []
    var diagnostics: [Diagnostic] = []
    let checker = SVGAssetChecker()
    for asset in assets {
      // The output name counts too: it is the one the web server picks a content type by.
      guard Self.isMarkup(asset.path) || Self.isMarkup(SitePaths.docsFileInSite(asset.path)) else {
        kept.append(asset)
        continue
      }
      if Self.isSVG(asset.path) {
        guard let refusal = checker.refusal(for: asset.file.bytes) else {
          kept.append(asset)
          continue
        }
        diagnostics.append(
          .warning(
            .docsUnsafeAsset,
            "'\(asset.path)' is not published: \(refusal.reason); only plain drawings are published as SVG",
            at: SourceLocation(path: asset.file.path, line: refusal.line)))
        continue
      }
      diagnostics.append(
        .warning(
          .docsUnsafeAsset,
          "'\(asset.path)' is not published: HTML, XHTML, XML, XSLT and SVG files can run script on the portal's origin"
            + " (set 'docs.unsafeHTML: true' in waymark.yaml to publish them; link raster images instead)",
          at: SourceLocation(path: asset.file.path)))
    }
    return (kept, diagnostics)
  }

  /// Whether `path` and its output name end in `.svg` (in any case).
  package static func isSVG(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".svg") && SitePaths.docsFileInSite(path).hasSuffix(".svg")
  }

  /// Whether `path` names a file a browser would open as markup, by its extension in any case.
  package static func isMarkup(_ path: String) -> Bool {
    guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return false }
    return markupExtensions.contains(name[name.index(after: dot)...].lowercased())
  }
}

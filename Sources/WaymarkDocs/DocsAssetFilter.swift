import WaymarkModel
/// Keeps docs files that could run script on the portal's origin out of the site.
///
/// Files under a docs folder are copied beside the pages unchanged, and a browser opening an
/// `.html` or `.svg` copy runs whatever script it holds with the portal's origin. So markup
/// files (HTML, SVG, XML, XSLT) are inspected with `ActiveMarkupDetector` and left out, with a
/// `docs.unsafe-asset` warning at the offending construct, when they hold script, event
/// handlers or `javascript:` URLs; compressed SVG (`.svgz`) cannot be inspected and is always
/// left out. With `docs.unsafeHTML: true` every file is copied, as raw HTML in pages then is.
package struct DocsAssetFilter: Sendable {
  /// Whether active content is published anyway (`docs.unsafeHTML`).
  package var allowsActiveContent: Bool

  package static let markupExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "svg", "xml", "xsl", "xslt"]

  /// The assets that are safe to publish, and a warning for each one left out.
  package func filter(_ assets: [(path: String, file: SourceFile)]) -> ([(path: String, file: SourceFile)], [Diagnostic]) {
    guard !allowsActiveContent else { return (assets, []) }
    var kept: [(path: String, file: SourceFile)] = []
    var diagnostics: [Diagnostic] = []
    let detector = ActiveMarkupDetector()
    for asset in assets {
      let fileExtension = asset.path.split(separator: "/").last.flatMap { name in
        name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
      } ?? ""
      if fileExtension == "svgz" {
        diagnostics.append(
          .warning(
            .docsUnsafeAsset, "compressed SVG cannot be checked for script and is not published; use a plain .svg",
            at: SourceLocation(path: asset.file.path)))
        continue
      }
      if Self.markupExtensions.contains(fileExtension), let finding = detector.firstActiveConstruct(in: asset.file.bytes) {
        var counter = LineColumnCounter(asset.file.bytes)
        diagnostics.append(
          .warning(
            .docsUnsafeAsset,
            "\(finding.description) could run script on the portal's origin; '\(asset.path)' is not published",
            at: SourceLocation(path: asset.file.path, position: counter.position(of: finding.offset))))
        continue
      }
      kept.append(asset)
    }
    return (kept, diagnostics)
  }
}

import WaymarkModel
import WaymarkRendering

/// The rendered site with `api/build.json`, and every diagnostic of the build.
package struct PublishableSite: Sendable {
  /// Every output file, sorted by path.
  package var files: [OutputFile]
  /// Every diagnostic, redacted, sorted and de-duplicated.
  package var diagnostics: DiagnosticList
  /// How many warnings and notes `diagnostics.ignore` left out.
  package var silenced = 0
}

import WaymarkModel
import WaymarkRendering

/// The rendered site (written to the staging folder as it rendered), its `api/build.json`, and
/// every diagnostic of the build.
package struct PublishableSite: Sendable {
  /// Every output file, sorted by path, when the build keeps them (`BuildOptions.keepsFiles`); else empty.
  package var files: [OutputFile]
  /// How many files the site has, `api/build.json` included.
  package var fileCount: Int
  /// `api/build.json`, written last: its counts include the render's diagnostics.
  package var manifest: OutputFile
  /// Every diagnostic, redacted, sorted and de-duplicated.
  package var diagnostics: DiagnosticList
  /// How many warnings and notes `diagnostics.ignore` left out.
  package var silenced = 0
  /// What the build cache records of each file written (the manifest's record is added when
  /// it is written); empty without a cache.
  package var records: [OutputRecord] = []
  /// The build cache's entries for the full-text index, when the render was given its table.
  package var searchEntries: [MemoKey: [UInt8]] = [:]
}

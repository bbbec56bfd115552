import StructuredData
import WaymarkLoading
import WaymarkModel

/// What the last published build read and reported, kept in the build cache: a build whose
/// inputs, clock and diagram tools are all as that one found them, and whose output folder
/// still holds exactly what it published, keeps the output and reports the same.
package struct PublishedBuild: Sendable, Equatable {
  /// The table's name in the build cache (one entry, written under the configuration key).
  package static let table = "published"
  /// Its key in the table.
  package static let key = MemoKey.digest(of: Array("published-build".utf8))

  /// The site's files and the bytes it read of them.
  package var inputs: InputSnapshot
  /// The diagram tools docs pages were rendered with (`DiagramToolRunner.fingerprint`).
  package var tools: MemoKey
  /// The key of what reading the settings and walking the root reported (`SiteInputs.diagnostics`):
  /// an entry the walk skips (a link to nothing) is in no file list, only there.
  package var walk: MemoKey
  /// The build's "now", where it came from, and the newest event it read (from which "now"
  /// is found again).
  package var now: Timestamp
  package var nowSource: BuildClock.Source
  package var newestInput: Timestamp?
  /// The digest of the `api/build.json` it published: the output holds that build's site.
  package var manifest: MemoKey
  /// The key of the output's records (`SiteBuilder.outputKey`): the records read back are
  /// those it wrote, not a later build's.
  package var output: MemoKey
  /// How many files it published.
  package var fileCount: Int
  /// What it reported.
  package var diagnostics: [Diagnostic]
  package var silenced: Int

  /// The key of `diagnostics`, as `walk` records them.
  package static func walkKey(_ diagnostics: [Diagnostic]) -> MemoKey {
    var writer = CacheRecordWriter()
    writer.add(diagnostics)
    return MemoKey.digest(of: writer.bytes)
  }
}

extension PublishedBuild: CacheRecordCodable {
  package func write(to writer: inout CacheRecordWriter) {
    writer.add(inputs)
    writer.add(tools)
    writer.add(walk)
    writer.add(now)
    writer.add(nowSource.rawValue)
    writer.add(newestInput)
    writer.add(manifest)
    writer.add(output)
    writer.add(fileCount)
    writer.add(diagnostics)
    writer.add(silenced)
  }

  package init(from reader: inout CacheRecordReader) throws(CacheRecordReader.Corrupt) {
    inputs = try reader.value()
    tools = try reader.key()
    walk = try reader.key()
    now = try reader.value()
    guard let source = BuildClock.Source(rawValue: try reader.string()) else { throw CacheRecordReader.Corrupt() }
    nowSource = source
    newestInput = try reader.optional()
    manifest = try reader.key()
    output = try reader.key()
    fileCount = try reader.int()
    diagnostics = try reader.array()
    silenced = try reader.int()
  }
}

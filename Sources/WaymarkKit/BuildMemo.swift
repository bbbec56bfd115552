import Foundation
import WaymarkLoading
import WaymarkModel
import WaymarkPublishing

/// The build cache as one build uses it: where it is, the configuration key every table is
/// written under, and the warnings about tables it could not read or write.
///
/// Every entry is keyed by the digests of what it was computed from; the configuration key
/// (`configurationKey`) covers what every entry depends on: the Waymark version and binary,
/// `waymark.yaml`, the command-line options and where the site and output are. A table
/// written under another configuration key is not used (a cold build, silently); a corrupt or
/// foreign one is not used either, with a warning.
package struct BuildMemo: Sendable {
  package let reader: BuildCacheReader
  package let writer: BuildCacheWriter
  /// The key the output's records are written under: the Waymark binary and where the output
  /// is, not the settings (records name files by their bytes, and pages by keys that hold what
  /// the settings change), so an edit of `waymark.yaml` still rewrites only the files it changes.
  package let outputConfiguration: MemoKey
  /// Why tables were not read or written, one line each.
  package private(set) var warnings: [String] = []
  /// The digests of large inputs (event exports), read from the cache's `inputs` table on first use.
  private var digestCache: InputDigestCache?
  /// What this build recorded of the inputs it took digests of, saved by `finish()`.
  private var inputEntries: [InputDigestCache.Entry] = []
  /// The tables read so far, each read once.
  private var tables: [String: CacheTable] = [:]
  /// The instant before which an input's last change makes its `stat` trustworthy for this
  /// build (`InputSnapshot.horizon()` when it began).
  package let horizon = InputSnapshot.horizon()
  /// What the last published build recorded (`readLastPublished()`), when it kept a record.
  package private(set) var lastPublished: PublishedBuild?
  /// The table writes under way, in the order they began, each after the same table's last
  /// (`finishWrites()` waits for them): a stage's table is written while the next stages run.
  private var writes: [(name: String, task: Task<String?, Never>)] = []

  /// The memo of the build `options` describes, or nil when it keeps no cache or only checks.
  package init?(options: BuildOptions, inputs: SiteInputs) {
    guard options.writesOutput, let folder = options.cache.folder(output: inputs.output) else { return nil }
    let configuration = Self.configurationKey(options: options, inputs: inputs)
    reader = BuildCacheReader(folder: folder, configuration: configuration)
    writer = BuildCacheWriter(folder: folder, configuration: configuration)
    var hasher = MemoHasher("output-configuration")
    hasher.add(CacheTable.formatVersion)
    hasher.add(WaymarkVersion.current)
    hasher.add(ExecutableFingerprint.current)
    hasher.add(inputs.output.path)
    outputConfiguration = hasher.finish()
  }

  /// The key every cached value depends on besides its own inputs (see `configurationKey`).
  package var configuration: MemoKey { reader.configuration }

  /// The key of everything every cached value depends on besides its own inputs.
  package static func configurationKey(options: BuildOptions, inputs: SiteInputs) -> MemoKey {
    var hasher = MemoHasher("configuration")
    hasher.add(CacheTable.formatVersion)
    hasher.add(WaymarkVersion.current)
    hasher.add(ExecutableFingerprint.current)
    hasher.add(inputs.root.path)
    hasher.add(inputs.output.path)
    hasher.add(inputs.configFile?.bytes ?? [])
    hasher.add(options.baseURL)
    hasher.add(options.asOf?.description)
    hasher.add(options.strict)
    hasher.add(options.baseline?.standardizedFileURL.path)
    hasher.add(options.publishesWithErrors)
    return hasher.finish()
  }

  /// The table `name`, empty when the cache has no usable one.
  package mutating func table(_ name: String, configuration: MemoKey? = nil) -> CacheTable {
    if let table = tables[name] { return table }
    let (table, warning) = reader.read(name, configuration: configuration)
    // A table read by two stages (the events and the metrics share one) is reported once.
    let line = warning.map { "ignoring the build cache file \($0.path): \($0.reason); it is rebuilt" }
    if let line, !warnings.contains(line) { warnings.append(line) }
    tables[name] = table
    return table
  }

  /// Starts writing the table `name`; `finishWrites()` waits for it.
  package mutating func save(_ name: String, entries: [MemoKey: [UInt8]], configuration: MemoKey? = nil) {
    let (writer, previous) = (writer, writes.last { $0.name == name }?.task)
    let task = Task.detached {
      _ = await previous?.value
      return writer.write(name, entries: entries, configuration: configuration)
    }
    writes.append((name, task))
  }

  /// Waits for every table write under way; the warnings of those that failed join `warnings`,
  /// in the order the writes began.
  package mutating func finishWrites() async {
    for write in writes {
      if let warning = await write.task.value { warnings.append(warning) }
    }
    writes = []
  }

  /// Writes the table `name` unless it would hold exactly what `stored` (read from it) holds.
  package mutating func save(_ name: String, entries: [MemoKey: [UInt8]], unchangedFrom stored: CacheTable) {
    guard entries.count != stored.count || entries.keys.contains(where: { stored.entry($0) == nil }) else { return }
    save(name, entries: entries)
  }
}

extension BuildMemo {
  /// The digest of the input file `path` (root-relative), from the cache when its `stat` is as
  /// recorded; nil when it is not a regular file that can be read.
  package mutating func digest(of path: String, root: URL) -> MemoKey? {
    if digestCache == nil { digestCache = InputDigestCache(root: root, stored: table(InputDigestCache.table)) }
    guard let (digest, entry) = digestCache?.digest(of: path) else { return nil }
    if let entry { inputEntries.append(entry) }
    return digest
  }

  /// Saves what the build recorded of its inputs (when it took any digest).
  package mutating func finish() {
    guard let digestCache else { return }
    save(InputDigestCache.table, entries: InputDigestCache.table(inputEntries), unchangedFrom: digestCache.stored)
  }

  /// The table of the output's records.
  package static let outputTable = "output"

  /// The output as the cache recorded it at its last publish.
  package mutating func previousOutput(_ folder: URL) -> PreviousOutput {
    let table = table(Self.outputTable, configuration: outputConfiguration)
    var records: [String: OutputRecord] = [:]
    records.reserveCapacity(table.count)
    for key in table.keys {
      guard var reader = table.reader(for: key), let record = try? reader.value(OutputRecord.self) else { continue }
      records[record.path] = record
    }
    return PreviousOutput(folder: folder, records: records)
  }

  /// Records the output just published, for the next build.
  package mutating func savePublished(_ records: [OutputRecord]) {
    var entries: [MemoKey: [UInt8]] = [:]
    entries.reserveCapacity(records.count)
    for record in records {
      var writer = CacheRecordWriter()
      writer.add(record)
      entries[OutputRecord.key(path: record.path)] = writer.bytes
    }
    save(Self.outputTable, entries: entries, configuration: outputConfiguration)
  }
}

extension BuildMemo {
  /// Reads what the last published build recorded for the next one (`PublishedBuild`).
  package mutating func readLastPublished() {
    let table = table(PublishedBuild.table)
    guard var reader = table.reader(for: PublishedBuild.key) else { return }
    lastPublished = try? reader.value(PublishedBuild.self)
  }

  /// Saves `published` as what the next build compares with; nil removes the last record (a
  /// build that keeps none must not leave an older build's to be trusted).
  package mutating func savePublishedBuild(_ published: PublishedBuild?) {
    var entries: [MemoKey: [UInt8]] = [:]
    if let published {
      var writer = CacheRecordWriter()
      writer.add(published)
      entries[PublishedBuild.key] = writer.bytes
    }
    save(PublishedBuild.table, entries: entries)
  }
}

extension BuildMemo {
  /// Where the site a publish replaces is kept for the next build (`StagedSite.spare`).
  package func spareFolder(for output: URL) -> URL? {
    SiteWriter(output: output).spareFolder(in: reader.folder)
  }
}

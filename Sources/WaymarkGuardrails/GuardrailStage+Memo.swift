import WaymarkLoading
import WaymarkModel

extension GuardrailStage {
  /// The stage's table in the build cache.
  package static let memoTable = "guardrails"

  /// `run()`, taking the whole output from `stored` when the results files and the catalog as the
  /// mapping reads it (`catalogKey`: the catalog less descriptions) are those it was made from;
  /// also returns the entries to keep for the next build. Parsing and mapping 100,000 results
  /// costs far more than reading them back.
  package func run(memo stored: CacheTable, catalogKey: MemoKey) async -> (output: Output, entries: [MemoKey: [UInt8]])
  {
    let read = await GuardrailResultLoader(root: inputs.root).read(paths: paths)
    // A file that cannot be read is reported afresh every time.
    guard let key = Self.key(of: read, catalogKey: catalogKey) else { return (await run(read: read), [:]) }
    let files = read.compactMap { try? $0.file.get() }
    if let (output, entries) = await Self.output(stored: stored, key: key, files: files) { return (output, entries) }
    let output = await run(read: read)
    return (output, Self.entries(of: output, key: key))
  }

  /// The key of mapping `read` onto the catalog `catalogKey` names; nil when a file was not read.
  static func key(of read: [(path: String, file: Result<SourceFile, Diagnostic>)], catalogKey: MemoKey) -> MemoKey? {
    var hasher = MemoHasher("guardrail-stage")
    hasher.add(catalogKey)
    hasher.add(read.count)
    for (path, file) in read {
      guard case .success(let file) = file else { return nil }
      hasher.add(path)
      hasher.add(MemoKey.digest(of: file.bytes))
    }
    return hasher.finish()
  }

  /// The key of the `index`th part of the entities' findings stored under `key`.
  private static func partKey(_ key: MemoKey, _ index: Int) -> MemoKey {
    var hasher = MemoHasher("guardrail-stage-part")
    hasher.add(key)
    hasher.add(index)
    return hasher.finish()
  }

  /// Entities' findings per part: parts are read back on every core.
  private static let entitiesPerPart = 512

  /// The output as stored: under `key` the result count, diagnostics, inputs, unmapped findings
  /// and how many parts follow; under each part's key, its entities' findings by reference.
  static func entries(of output: Output, key: MemoKey) -> [MemoKey: [UInt8]] {
    let refs = output.results.findingsByEntity.keys.sorted()
    var head = CacheRecordWriter()
    head.add(output.resultCount)
    head.add(output.diagnostics)
    head.add(output.results.inputs)
    head.add(output.results.unmapped)
    let starts = Array(stride(from: 0, to: refs.count, by: entitiesPerPart))
    head.add(starts.count)
    var entries = [key: head.bytes]
    for (index, start) in starts.enumerated() {
      var part = CacheRecordWriter()
      let slice = refs[start..<min(refs.count, start + entitiesPerPart)]
      part.add(UInt64(slice.count))
      for ref in slice {
        part.add(ref)
        part.add(output.results.findingsByEntity[ref] ?? [])
      }
      entries[partKey(key, index)] = part.bytes
    }
    return entries
  }

  /// The output `entries(of:key:)` stored, with the files it was made from, and those entries;
  /// nil when one is missing or corrupt.
  static func output(stored: CacheTable, key: MemoKey, files: [SourceFile]) async -> (Output, [MemoKey: [UInt8]])? {
    guard let headBytes = stored.entry(key) else { return nil }
    var reader = CacheRecordReader(Array(headBytes))
    let resultCount: Int
    let diagnostics: [Diagnostic]
    let inputs: [GuardrailInputSummary]
    let unmapped: [GuardrailFinding]
    let partCount: Int
    do {
      resultCount = try reader.int()
      diagnostics = try reader.array(of: Diagnostic.self)
      inputs = try reader.array(of: GuardrailInputSummary.self)
      unmapped = try reader.array(of: GuardrailFinding.self)
      partCount = try reader.int()
      guard reader.isAtEnd, partCount >= 0, partCount <= stored.count else { return nil }
    } catch {
      return nil
    }
    let parts = await Array(0..<partCount).concurrentlyInSlices(minimumSlice: 1) { indices in
      indices.map { index -> (entries: [EntityRef: [GuardrailFinding]], bytes: [UInt8])? in
        guard let bytes = stored.entry(partKey(key, index)).map(Array.init) else { return nil }
        return readPart(bytes).map { ($0, bytes) }
      }
    }.flatMap { $0 }
    var grouped: [EntityRef: [GuardrailFinding]] = [:]
    var entries = [key: Array(headBytes)]
    for (index, part) in parts.enumerated() {
      guard let part else { return nil }
      grouped.merge(part.entries) { first, _ in first }
      entries[partKey(key, index)] = part.bytes
    }
    let results = GuardrailResults(grouped: grouped, unmapped: unmapped, inputs: inputs, deduplicated: true)
    return (Output(results: results, files: files, resultCount: resultCount, diagnostics: diagnostics), entries)
  }

  /// One part's entities' findings; nil when it is corrupt.
  private static func readPart(_ bytes: [UInt8]) -> [EntityRef: [GuardrailFinding]]? {
    var reader = CacheRecordReader(bytes)
    var grouped: [EntityRef: [GuardrailFinding]] = [:]
    do {
      for _ in 0..<(try reader.count(minimumBytes: 4)) {
        grouped[try reader.value(EntityRef.self)] = try reader.array(of: GuardrailFinding.self)
      }
    } catch {
      return nil
    }
    return reader.isAtEnd ? grouped : nil
  }
}

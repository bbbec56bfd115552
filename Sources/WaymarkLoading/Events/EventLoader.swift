import Crypto
import Foundation
import StructuredData
import WaymarkModel

/// Reads event exports: JSON Lines, a JSON array, or one JSON document per `.json` file, each
/// record a CDEvent, a CloudEvent (structured mode) holding one, or a GitHub delivery.
///
/// JSON Lines files are streamed in chunks of whole lines and decoded in parallel (a task per
/// chunk, at most a few in flight so memory stays bounded); chunk results are put back in file
/// order, so the output never depends on scheduling. Records are read with `JSONFieldScanner`,
/// which keeps only the members the metrics use. Duplicates (same source and id) are counted and
/// dropped, the first copy kept. Nothing is dropped silently: every record is an event, a
/// duplicate, ignored, malformed (a located warning, an error with `strict`) or of an unknown type
/// (counted, an error with `strict`).
public struct EventLoader: Sendable {
  /// The site root.
  public let root: URL
  /// Whether malformed records and unknown event types are errors rather than warnings/counts.
  public var strict: Bool
  /// The size of the chunks JSON Lines files are cut into.
  public var chunkBytes: Int
  /// The most located diagnostics reported per file; the rest are summed up in one more.
  public var diagnosticsPerFile = 50

  /// Extensions read as event exports.
  public static let extensions: Set<String> = ["json", "jsonl", "ndjson"]

  /// Creates a loader.
  public init(root: URL, strict: Bool = false, chunkBytes: Int = 2 << 20) {
    self.root = root
    self.strict = strict
    self.chunkBytes = max(1 << 10, chunkBytes)
  }

  /// Reads `paths` (relative to the root, sorted) and deduplicates their events.
  public func load(paths: [String]) async -> EventLoadResult {
    var result = EventLoadResult()
    var seen = Set<UInt64>()
    // One copy of each repeated string for the whole load (chunks intern only within themselves).
    var strings = StringInterner()
    for path in paths {
      let ext = (path as NSString).pathExtension.lowercased()
      guard Self.extensions.contains(ext) else {
        result.diagnostics.append(
          .warning(
            "events.unsupported-file", "not read as events: only .json, .jsonl and .ndjson files are",
            at: SourceLocation(path: path)))
        continue
      }
      // Reserve room once per file (a generous bound: event lines are hundreds of bytes) so the
      // event array is not reallocated, old and new copies side by side, as it grows. Pages
      // reserved but never written are not resident.
      let size = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.size] as? Int ?? 0
      result.events.reserveCapacity(result.events.count + size / 128)
      var merger = EventFileMerger(path: path, strict: strict, diagnosticsPerFile: diagnosticsPerFile)
      guard let file = await read(path, isJSON: ext == "json", merger: &merger, into: &result, seen: &seen, strings: &strings) else {
        result.diagnostics.append(.error("input.unreadable", "file cannot be read", at: SourceLocation(path: path)))
        continue
      }
      merger.finish(into: &result)
      result.files.append(file)
    }
    result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return result
  }

  /// Reads and decodes one file, merging its chunks in order as they finish; nil when it cannot be opened.
  private func read(
    _ path: String, isJSON: Bool, merger: inout EventFileMerger, into result: inout EventLoadResult, seen: inout Set<UInt64>,
    strings: inout StringInterner
  ) async -> EventLoadResult.File? {
    let url = root.appendingPathComponent(path)
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    var reader = LineBlockReader(descriptor: handle.fileDescriptor, blockBytes: chunkBytes)
    let decoder = EventChunkDecoder()
    var first = reader.next()
    // A JSON array, or a `.json` file holding one document, is decoded whole (such files are small).
    if let opening = Self.firstSignificantByte(first ?? []), opening == UInt8(ascii: "[") || isJSON {
      var whole = first ?? []
      while let more = reader.next(wholeLines: false) { whole += more }
      let chunk = Self.decodeDocument(whole, decoder: decoder, isArray: opening == UInt8(ascii: "["))
      merger.add(chunk, firstLine: 1, into: &result, seen: &seen, strings: &strings)
      return reader.failed ? nil : record(path, reader.hasher, reader.byteCount)
    }
    // Chunks finish in any order; each is merged once every chunk before it has been.
    var pending: [Int: EventChunkDecoder.Result] = [:]
    var nextToMerge = 0
    var line = 1
    func collect(_ index: Int, _ chunk: EventChunkDecoder.Result) {
      pending[index] = chunk
      while let ready = pending.removeValue(forKey: nextToMerge) {
        merger.add(ready, firstLine: line, into: &result, seen: &seen, strings: &strings)
        line += ready.lines
        nextToMerge += 1
      }
    }
    let limit = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)
    await withTaskGroup(of: (Int, EventChunkDecoder.Result).self) { group in
      var index = 0
      var inFlight = 0
      while let block = first ?? reader.next() {
        first = nil
        if inFlight >= limit, let done = await group.next() {
          collect(done.0, done.1)
          inFlight -= 1
        }
        let number = index
        group.addTask { (number, block.withUnsafeBufferPointer { decoder.decodeLines($0) }) }
        index += 1
        inFlight += 1
      }
      for await done in group { collect(done.0, done.1) }
    }
    return reader.failed ? nil : record(path, reader.hasher, reader.byteCount)
  }

  private func record(_ path: String, _ hasher: SHA256, _ byteCount: Int) -> EventLoadResult.File {
    let digest = hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
    return EventLoadResult.File(path: path, sha256: digest, byteCount: byteCount)
  }

  /// Decodes a whole-file document: an array of records, or one record (else JSON Lines).
  package static func decodeDocument(_ bytes: [UInt8], decoder: EventChunkDecoder, isArray: Bool) -> EventChunkDecoder.Result {
    bytes.withUnsafeBufferPointer { buffer in
      var result = EventChunkDecoder.Result()
      var slots: [JSONValue?] = []
      var strings = StringInterner()
      if isArray {
        do throws(JSONReadError) {
          for range in try decoder.scanner.elementRanges(of: buffer) {
            let (line, column) = JSONFieldScanner.position(of: range.lowerBound, in: buffer)
            decoder.decodeRecord(
              UnsafeBufferPointer(rebasing: buffer[range]), line: line, columnOffset: column - 1, slots: &slots,
              strings: &strings, into: &result)
          }
        } catch {
          result.records += 1
          result.malformed += 1
          result.problems.append(.init(line: error.line, column: error.column, message: error.message, code: "events.malformed"))
        }
        result.secrets = SecretScanner().scan(buffer)
        return result
      }
      var probe: [JSONValue?] = []
      do throws(JSONReadError) {
        try decoder.scanner.scan(buffer, into: &probe)
      } catch {
        // A pretty-printed document (`{` alone on its first line) is one record, malformed where
        // the error is; anything else is JSON Lines, each line its own record.
        guard Self.opensAlone(buffer) else { return decoder.decodeLines(buffer) }
        result.records = 1
        result.malformed = 1
        result.problems.append(.init(line: error.line, column: error.column, message: error.message, code: "events.malformed"))
        result.secrets = SecretScanner().scan(buffer)
        return result
      }
      decoder.decodeRecord(buffer, line: 1, slots: &slots, strings: &strings, into: &result)
      result.secrets = SecretScanner().scan(buffer)
      return result
    }
  }

  /// Whether the first non-blank line is `{` alone, as pretty-printers write a document.
  package static func opensAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return false }
    index += 1
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
    return index == bytes.count || bytes[index] == 0x0A
  }

  package static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    return index < bytes.count ? bytes[index] : nil
  }
}

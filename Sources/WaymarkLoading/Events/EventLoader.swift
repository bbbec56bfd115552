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
  /// The largest JSON array or single-document `.json` export, which is read whole: 64 MiB, as
  /// for other files read whole. A larger one is `input.too-large` (JSON Lines are streamed).
  public var maximumDocumentBytes = SourceFile.maximumByteCount

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
            .eventsUnsupportedFile, "not read as events: only .json, .jsonl and .ndjson files are",
            at: SourceLocation(path: path)))
        continue
      }
      // The walk lists a link to a file as that file; one leading to `.env` or `.git/` is refused.
      if let hidden = RootPath.hiddenTarget(of: path, root: root.standardizedFileURL.path) {
        result.diagnostics.append(
          .error(.inputHiddenPath, SourceFile.hiddenLinkMessage(hidden), at: SourceLocation(path: path)))
        continue
      }
      // Reserve room once per file (a generous bound: event lines are hundreds of bytes) so the
      // event array is not reallocated, old and new copies side by side, as it grows. Pages
      // reserved but never written are not resident.
      let size =
        (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.size] as? Int ?? 0
      result.events.reserveCapacity(result.events.count + size / 128)
      var merger = EventFileMerger(path: path, strict: strict, diagnosticsPerFile: diagnosticsPerFile)
      switch await read(path, isJSON: ext == "json", merger: &merger, into: &result, seen: &seen, strings: &strings) {
      case .success(var file):
        merger.finish(into: &result)
        file.newest = merger.newest
        result.files.append(file)
      case .failure(let diagnostic):
        result.diagnostics.append(diagnostic)
      }
    }
    result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return result
  }

  /// Reads and decodes one file, merging its chunks in order as they finish; the error when it
  /// cannot be opened or read, or is a whole-file document over `maximumDocumentBytes`.
  private func read(
    _ path: String, isJSON: Bool, merger: inout EventFileMerger, into result: inout EventLoadResult,
    seen: inout Set<UInt64>,
    strings: inout StringInterner
  ) async -> Result<EventLoadResult.File, Diagnostic> {
    let url = root.appendingPathComponent(path)
    let unreadable = Diagnostic.error(.inputUnreadable, "file cannot be read", at: SourceLocation(path: path))
    guard let handle = try? FileHandle(forReadingFrom: url) else { return .failure(unreadable) }
    defer { try? handle.close() }
    // A line over the record limit is dropped as it is read, never buffered whole.
    var reader = LineBlockReader(
      descriptor: handle.fileDescriptor, blockBytes: chunkBytes, maximumLineBytes: EventChunkDecoder.maximumLineBytes)
    let decoder = EventChunkDecoder()
    // A JSON array, or a `.json` file holding one document, is decoded whole, up to a limit.
    if let opening = Self.firstSignificantByte(reader.peek()), opening == UInt8(ascii: "[") || isJSON {
      var whole: [UInt8] = []
      while let more = reader.nextRaw() {
        whole += more
        guard whole.count <= maximumDocumentBytes else {
          return .failure(tooLarge(path, handle: handle, read: whole.count))
        }
      }
      let chunk = Self.decodeDocument(whole, decoder: decoder, isArray: opening == UInt8(ascii: "["))
      merger.add(chunk, firstLine: 1, into: &result, seen: &seen, strings: &strings)
      return reader.failed ? .failure(unreadable) : .success(record(path, reader.hasher, reader.byteCount))
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
      while let block = reader.next() {
        defer { index += 1 }
        guard case .lines(let lines) = block else {
          if case .overlongLine(let byteCount) = block {
            collect(index, EventChunkDecoder.overlongRecord(byteCount: byteCount))
          }
          continue
        }
        if inFlight >= limit, let done = await group.next() {
          collect(done.0, done.1)
          inFlight -= 1
        }
        let number = index
        group.addTask { (number, lines.withUnsafeBufferPointer { decoder.decodeLines($0) }) }
        inFlight += 1
      }
      for await done in group { collect(done.0, done.1) }
    }
    return reader.failed ? .failure(unreadable) : .success(record(path, reader.hasher, reader.byteCount))
  }

  /// The error for a whole-file document over `maximumDocumentBytes` (`read` bytes read so far).
  private func tooLarge(_ path: String, handle: FileHandle, read: Int) -> Diagnostic {
    let size = max(read, Int((try? handle.seekToEnd()) ?? 0))
    return .error(
      .inputTooLarge,
      SourceFile.tooLargeMessage(size, limit: maximumDocumentBytes)
        + " (a JSON array or document is read whole; export events as JSON Lines, which are streamed)",
      at: SourceLocation(path: path))
  }

  private func record(_ path: String, _ hasher: SHA256, _ byteCount: Int) -> EventLoadResult.File {
    let digest = hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
    return EventLoadResult.File(path: path, sha256: digest, byteCount: byteCount)
  }

  /// Decodes a whole-file document: an array of records, or one record (else JSON Lines).
  package static func decodeDocument(_ bytes: [UInt8], decoder: EventChunkDecoder, isArray: Bool)
    -> EventChunkDecoder.Result
  {
    bytes.withUnsafeBufferPointer { buffer in
      var result = EventChunkDecoder.Result()
      var slots: [JSONValue?] = []
      var strings = StringInterner()
      if isArray {
        // Each element is located by counting on from the previous one, so locating them all is
        // one pass over the file, not one pass per element.
        var counter = LineColumnCounter(bytes)
        do throws(JSONReadError) {
          for range in try decoder.scanner.elementRanges(of: buffer) {
            let position = counter.position(of: range.lowerBound)
            decoder.decodeRecord(
              UnsafeBufferPointer(rebasing: buffer[range]), line: position.line, columnOffset: position.column - 1,
              slots: &slots, strings: &strings, into: &result)
          }
        } catch {
          result.records += 1
          result.malformed += 1
          result.problems.append(
            .init(line: error.line, column: error.column, message: error.message, code: .eventsMalformed))
        }
        result.locatingBytes = counter.bytesWalked
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
        result.problems.append(
          .init(line: error.line, column: error.column, message: error.message, code: .eventsMalformed))
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

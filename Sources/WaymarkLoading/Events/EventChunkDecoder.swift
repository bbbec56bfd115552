import StructuredData
import WaymarkModel

/// Decodes one chunk of JSON Lines (whole lines only) into events; chunks run in parallel.
package struct EventChunkDecoder: Sendable {
  /// A record that could not be used, located within the chunk.
  package struct Problem: Sendable {
    package var line: Int
    package var column: Int
    package var message: String
    package var code: DiagnosticCode
  }

  /// What one chunk gave.
  package struct Result: Sendable {
    package var events: [DeliveryEvent] = []
    package var tickets: [TicketEvent] = []
    package var problems: [Problem] = []
    package var lines = 0
    package var records = 0
    package var ignored = 0
    package var malformed = 0
    /// The newest timestamp of any decoded event, used or ignored.
    package var newest: Timestamp?
    /// Unknown types with their count and the chunk line of their first record.
    package var unknown: [String: (count: Int, line: Int)] = [:]
    /// Credentials found in the chunk's bytes (`SecretScanner`), lines numbered within the chunk.
    package var secrets: [SecretScanner.Match] = []
    /// For a JSON array: bytes walked to locate its elements (`LineColumnCounter.bytesWalked`).
    package var locatingBytes = 0
  }

  package let scanner = JSONFieldScanner(selection: EventFields.selection)

  /// Creates a decoder.
  package init() {}

  /// The longest record (line) decoded: 16 MiB. Event records are hundreds of bytes (a large
  /// GitHub push delivery, a few hundred kilobytes); a longer line is malformed and skipped
  /// without building its values.
  package static let maximumRecordBytes = 16 << 20
  /// The longest line `LineBlockReader` keeps: a record and the `\r` of a `\r\n` break.
  package static let maximumLineBytes = maximumRecordBytes + 1

  /// The result for one line over `maximumRecordBytes`, dropped as it was read: malformed.
  package static func overlongRecord(byteCount: Int) -> Result {
    var result = Result()
    result.lines = 1
    result.records = 1
    result.malformed = 1
    result.problems.append(Problem(line: 1, column: 1, message: overlongMessage(byteCount), code: .eventsMalformed))
    return result
  }

  private static func overlongMessage(_ byteCount: Int) -> String {
    "record is \(byteCount) bytes, over the 16 MiB limit for one event record; it is not read"
  }

  /// Decodes every non-blank line of `bytes`; lines are numbered from 1 within the chunk.
  package func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
    var result = Result()
    var strings = StringInterner()
    var slots: [JSONValue?] = []
    var start = 0
    var line = 0
    while start < bytes.count {
      line += 1
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      var last = end
      if last > start, bytes[last - 1] == 0x0D { last -= 1 }
      var first = start
      while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
      if last - first > Self.maximumRecordBytes {
        result.records += 1
        result.malformed += 1
        result.problems.append(
          Problem(line: line, column: 1, message: Self.overlongMessage(last - first), code: .eventsMalformed))
      } else if first < last {
        decodeRecord(
          UnsafeBufferPointer(rebasing: bytes[start..<last]), line: line, slots: &slots, strings: &strings,
          into: &result)
      }
      start = end + 1
    }
    result.lines = line
    result.secrets = SecretScanner().scan(bytes)
    return result
  }

  /// Decodes one record (a line, an array element, or a whole file) found at `line`.
  package func decodeRecord(
    _ record: UnsafeBufferPointer<UInt8>, line: Int, columnOffset: Int = 0, slots: inout [JSONValue?],
    strings: inout StringInterner, into result: inout Result
  ) {
    result.records += 1
    do {
      try scanner.scan(record, into: &slots)
    } catch {
      result.malformed += 1
      result.problems.append(
        Problem(
          line: line + error.line - 1, column: (error.line == 1 ? columnOffset : 0) + error.column,
          message: error.message,
          code: .eventsMalformed))
      return
    }
    switch EventDecoding.decode(slots, strings: &strings) {
    case .events(let events):
      if events.isEmpty { result.ignored += 1 }
      for event in events {
        if result.newest.map({ event.time > $0 }) ?? true { result.newest = event.time }
        if event.kind == .ignored {
          result.ignored += 1
        } else {
          result.events.append(event)
        }
      }
    case .ticket(let ticket):
      if result.newest.map({ ticket.time > $0 }) ?? true { result.newest = ticket.time }
      result.tickets.append(ticket)
    case .unknownType(let type):
      if let seen = result.unknown[type] {
        result.unknown[type] = (seen.count + 1, seen.line)
      } else {
        result.unknown[type] = (1, line)
      }
    case .invalid(let reason):
      result.malformed += 1
      result.problems.append(Problem(line: line, column: columnOffset + 1, message: reason, code: .eventsInvalid))
    }
  }
}
